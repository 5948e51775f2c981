import type { Prisma } from "@/server/db/generated/client";

/** A plain data object as a JSON column value (undefined fields dropped, as JSON.stringify does). */
export function toJson(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
