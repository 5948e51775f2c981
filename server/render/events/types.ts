import type { FunctionEvent } from "@/lib/stack/schema";
import type { RenderContext } from "../context";
import type { DefinitionPath } from "../fragment";

/** What an event module gets: the event and which function, at which position, declared it. */
export interface EventRenderInput<E extends FunctionEvent> {
  ctx: RenderContext;
  functionName: string;
  index: number;
  event: E;
  /** Path of the event in the definition: resources.<fn>.properties.events.<index>. */
  path: DefinitionPath;
}
