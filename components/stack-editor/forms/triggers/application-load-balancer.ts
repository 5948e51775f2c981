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
    { key: ["headers"], label: "Headers (JSON)", kind: "json", help: '[{"headerName": "x-tenant", "values": ["a"]}]' },
    { key: ["queryParams"], label: "Query parameters (JSON)", kind: "json", help: '[{"paramName": "v", "values": ["2"]}]' },
    { key: ["sourceIps"], label: "Source IPs (one CIDR per line)", kind: "lines" },
  ],
  create: () => ({ type: "application-load-balancer", properties: { loadBalancerName: "", priority: 1, paths: ["/"] } }),
};
