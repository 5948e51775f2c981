import type { PrismaClient } from "./generated/client";

/** The client or an interactive transaction: data-access functions accept either. */
export type Db = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
