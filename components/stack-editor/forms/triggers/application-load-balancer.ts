import type { TriggerSpec } from "../spec";

// Seed 000, "Application Load Balancer event" and ApplicationLoadBalancerIntegration API reference.
export const albTrigger: TriggerSpec<"application-load-balancer"> = {
  type: "application-load-balancer",
  label: "Load balancer rule",
  help: "The function is triggered when the load balancer receives an HTTP request that matches the integration's conditions (method, path, headers, query parameters, source IP).",
  fields: [
    { key: ["loadBalancerName"], label: "Load balancer", kind: "resource", resourceKinds: ["application-load-balancer"], required: true, help: "An application-load-balancer resource of this stack." },
    { key: ["priority"], label: "Priority", kind: "number", required: true, help: "Rules are evaluated from the lowest priority (1-50000); unique per listener." },
    { key: ["listenerPort"], label: "Listener port", kind: "number", help: "Needed when the load balancer has several listeners." },
    { key: ["paths"], label: "Paths (one per line)", kind: "lines", help: "e.g. /invoke-my-lambda" },
    { key: ["methods"], label: "Methods (one per line)", kind: "lines", help: "e.g. GET" },
    { key: ["hosts"], label: "Hosts (one per line)", kind: "lines" },
    {
      key: ["headers"],
      label: "Headers",
      kind: "list",
      itemLabel: "Header",
      help: "The request matches when it carries each header with one of its values.",
      create: () => ({ headerName: "", values: [] }),
      itemFields: [
        { key: ["headerName"], label: "Header name", kind: "text", required: true, help: "e.g. x-tenant; at most 40 characters." },
        { key: ["values"], label: "Header values (one per line)", kind: "lines", required: true, help: "Any of them matches; * and ? are wildcards." },
      ],
    },
    {
      key: ["queryParams"],
      label: "Query parameters",
      kind: "list",
      itemLabel: "Query parameter",
      help: "The request matches when it carries each query parameter with one of its values.",
      create: () => ({ paramName: "", values: [] }),
      itemFields: [
        { key: ["paramName"], label: "Parameter name", kind: "text", required: true, help: "e.g. version." },
        { key: ["values"], label: "Parameter values (one per line)", kind: "lines", required: true, help: "Any of them matches." },
      ],
    },
    { key: ["sourceIps"], label: "Source IPs (one CIDR per line)", kind: "lines" },
  ],
  create: () => ({ type: "application-load-balancer", properties: { loadBalancerName: "", priority: 1, paths: ["/"] } }),
};
