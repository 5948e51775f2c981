-- AlterTable
ALTER TABLE "StackRevision" ADD COLUMN     "bytes" INTEGER NOT NULL DEFAULT 0;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (Prisma does not model triggers; `migrate diff` ignores them).
--
-- What a revision stores that grows with use: the YAML and the handler sources, in UTF-8 bytes
-- (revisionBytes in server/stacks/revision-code.ts counts the same way for the check before an insert). The
-- organization's quota sums this column, so a save never reads other revisions' text. Computed here
-- from the row on every insert, so fixtures, seeds and future insert paths cannot leave it at 0.
CREATE FUNCTION "stack_revision_bytes"(yaml TEXT, code JSONB) RETURNS INTEGER
LANGUAGE sql IMMUTABLE AS $$
  SELECT octet_length(yaml) + coalesce((SELECT sum(octet_length(source))::INTEGER FROM jsonb_each_text(code) AS files(path, source)), 0)
$$;

CREATE FUNCTION "set_stack_revision_bytes"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."bytes" := "stack_revision_bytes"(NEW."yaml", NEW."code");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "StackRevision_bytes" BEFORE INSERT ON "StackRevision"
  FOR EACH ROW EXECUTE FUNCTION "set_stack_revision_bytes"();

-- Backfill: revisions are immutable (trigger "StackRevision_immutable"), so this one-time update of
-- a column derived from the row runs with that trigger off, inside this migration only.
ALTER TABLE "StackRevision" DISABLE TRIGGER "StackRevision_immutable";
UPDATE "StackRevision" SET "bytes" = "stack_revision_bytes"("yaml", "code");
ALTER TABLE "StackRevision" ENABLE TRIGGER "StackRevision_immutable";
