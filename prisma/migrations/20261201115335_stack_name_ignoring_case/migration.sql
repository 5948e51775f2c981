-- Stack names are unique per organization ignoring case (why: server/stacks/mutations.ts). The
-- application checked that, but two concurrent creates of "Orders" and "orders" could both pass
-- the check; this index makes the database refuse the second. Prisma's schema cannot express an
-- index on lower(name), so it lives only here; the case-sensitive @@unique stays as schema.prisma has it.
--
-- A database may already hold names that differ only in case. The oldest stack of each such group
-- keeps its name; each later one is renamed to "<name, shortened>-<its id>", which is still a
-- valid stack name (at most 64 characters of letters, digits and hyphens, starting with a letter)
-- and unique, since ids are. Deployed stages keep their CloudFormation stack name (Stage records the
-- name it was first deployed under), so a rename here changes no AWS resource.
UPDATE "Stack" AS s
SET "name" = left(s."name", 63 - length(s."id")) || '-' || s."id"
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "organizationId", lower("name") ORDER BY "createdAt", "id") AS position
  FROM "Stack"
) AS clash
WHERE clash."id" = s."id" AND clash.position > 1;

CREATE UNIQUE INDEX "Stack_organizationId_lower_name_key" ON "Stack" ("organizationId", lower("name"));
