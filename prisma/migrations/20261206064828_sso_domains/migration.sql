-- SSO email domains get their own table (issue 13): a domain routes sign-in only once its
-- organization proves control of it by DNS, and one organization at most holds it verified.

-- CreateTable
CREATE TABLE "SsoDomain" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "challengeToken" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "verifiedBy" TEXT,
    "verifiedDomain" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoDomain_verifiedDomain_key" ON "SsoDomain"("verifiedDomain");

-- CreateIndex
CREATE INDEX "SsoDomain_domain_idx" ON "SsoDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "SsoDomain_organizationId_domain_key" ON "SsoDomain"("organizationId", "domain");

-- AddForeignKey
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: every domain an existing connection allowed becomes an UNVERIFIED claim of its organization,
-- with a fresh challenge token (gen_random_uuid draws from a cryptographic source). Such a domain stops
-- routing sign-in until the organization verifies it, unless the operator sets
-- LAMBDAPLANE_TRUST_UNVERIFIED_DOMAINS=1 (README, "Domain verification").
INSERT INTO "SsoDomain" ("id", "organizationId", "domain", "challengeToken")
SELECT gen_random_uuid()::text,
       claim."organizationId",
       claim."domain",
       replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
FROM (
    SELECT DISTINCT c."organizationId", lower(d) AS "domain"
    FROM "SsoConnection" AS c, unnest(c."allowedDomains") AS d
) AS claim;

-- AlterTable
ALTER TABLE "SsoConnection" DROP COLUMN "allowedDomains";
