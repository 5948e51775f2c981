-- Identities linked by (issuer, subject) replace next-auth's Account rows, and Session becomes the
-- server-side record of a JWT session.

-- CreateTable
CREATE TABLE "Identity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Identity_userId_idx" ON "Identity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_issuer_subject_key" ON "Identity"("issuer", "subject");

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: every linked account keeps signing in. An organization's SSO account ("sso-<connection id>")
-- takes its connection's issuer; an account of a deleted connection has no issuer left and is
-- dropped. The instance IdP's accounts ("oidc") get a placeholder issuer, because its URL lives in
-- the environment (AUTH_OIDC_ISSUER): the first sign-in through it moves them to that URL
-- (server/auth/identities.ts). Development sign-ins ("dev") keep their email as subject. When two
-- accounts name one (issuer, subject), the older is kept.
INSERT INTO "Identity" ("id", "userId", "issuer", "subject", "email", "createdAt")
SELECT a."id", a."userId", s."issuer", a."providerAccountId", u."email", u."createdAt"
FROM (
    SELECT a."id", a."userId", a."providerAccountId",
        CASE
            WHEN a."provider" = 'oidc' THEN 'lambdaplane:instance-oidc-pending'
            WHEN a."provider" = 'dev' THEN 'lambdaplane:dev-login'
            ELSE (SELECT regexp_replace(c."issuer", '/+$', '') FROM "SsoConnection" c WHERE 'sso-' || c."id" = a."provider")
        END AS "issuer"
    FROM "Account" a
) AS s
JOIN "Account" a ON a."id" = s."id"
JOIN "User" u ON u."id" = a."userId"
WHERE s."issuer" IS NOT NULL
ORDER BY u."createdAt", a."id"
ON CONFLICT ("issuer", "subject") DO NOTHING;

-- DropForeignKey
ALTER TABLE "Account" DROP CONSTRAINT "Account_userId_fkey";

-- DropTable
DROP TABLE "Account";

-- Data: no code ever wrote next-auth's adapter sessions (the JWT strategy was used), so no row
-- here is a live session; clearing them lets the new required columns be added.
DELETE FROM "Session";

-- DropIndex
DROP INDEX "Session_sessionToken_key";

-- AlterTable
ALTER TABLE "Session" DROP COLUMN "expires",
DROP COLUMN "sessionToken",
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "linkExpiresAt" TIMESTAMP(3),
ADD COLUMN     "linkProvider" TEXT,
ADD COLUMN     "provider" TEXT NOT NULL;
