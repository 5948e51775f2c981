// The hook moved to components/ui; components/cost (another helper's area) still imports it from here.
export { failureOf, useServerAction } from "@/components/ui/use-server-action";
