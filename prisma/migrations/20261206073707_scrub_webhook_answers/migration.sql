-- The delivery log used to keep the first 200 characters of a receiver's non-2xx answer
-- ("HTTP 500: <body>") and the raw network error, and showed them to the tenant: through a webhook
-- pointed at an internal service that read the service's answers. The log now keeps only the status
-- or the kind of failure (server/notifications/deliver.ts); rows written before keep theirs too.
UPDATE "NotificationAttempt" SET "error" = substring("error" from '^HTTP [0-9]{3}') WHERE "error" ~ '^HTTP [0-9]{3}:';
UPDATE "NotificationDelivery" SET "lastError" = substring("lastError" from '^HTTP [0-9]{3}') WHERE "lastError" ~ '^HTTP [0-9]{3}:';
UPDATE "NotificationAttempt" SET "error" = 'unreachable' WHERE "error" IS NOT NULL AND "error" !~ '^HTTP [0-9]{3}$' AND "error" !~ '^no answer within';
UPDATE "NotificationDelivery" SET "lastError" = 'unreachable' WHERE "lastError" IS NOT NULL AND "lastError" !~ '^HTTP [0-9]{3}$' AND "lastError" !~ '^no answer within';
