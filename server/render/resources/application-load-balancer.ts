// application-load-balancer: an ALB in the stack's default VPC, its security group (open on the
// listener ports) and one listener per port that answers 404 unless a function's rule matches.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_ALB_LISTENER } from "@/lib/stack/defaults";
import type { ApplicationLoadBalancer } from "@/lib/stack/schema";
import { getAtt, ref, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds } from "../naming";
import { defaultVpcSubnetIds } from "./default-vpc";

export function renderApplicationLoadBalancer(
  _ctx: RenderContext,
  name: string,
  lb: ApplicationLoadBalancer,
  path: DefinitionPath,
): Fragment {
  const diagnostics: Diagnostic[] = [];
  const lbId = logicalIds.loadBalancer(name);
  const securityGroupId = logicalIds.loadBalancerSecurityGroup(name);
  const internetFacing = (lb.properties?.interface ?? "internet") === "internet";
  const listeners = lb.properties?.listeners ?? [DEFAULT_ALB_LISTENER];

  const resources: Record<string, CfResource> = {
    [securityGroupId]: {
      Type: "AWS::EC2::SecurityGroup",
      Properties: {
        GroupDescription: `Load balancer ${name}`,
        VpcId: ref(logicalIds.defaultVpc()),
        SecurityGroupIngress: listeners.map((l) => ({
          IpProtocol: "tcp",
          FromPort: l.port,
          ToPort: l.port,
          CidrIp: internetFacing ? "0.0.0.0/0" : "10.0.0.0/16",
          Description: `${l.protocol} listener`,
        })),
      },
    },
    [lbId]: {
      Type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
      // An internet-facing load balancer needs the VPC's internet gateway attached first.
      ...(internetFacing ? { DependsOn: [logicalIds.defaultVpcGatewayAttachment()] } : {}),
      Properties: {
        Type: "application",
        Scheme: internetFacing ? "internet-facing" : "internal",
        Subnets: defaultVpcSubnetIds(),
        SecurityGroups: [ref(securityGroupId)],
      },
    },
  };

  const seenPorts = new Set<number>();
  listeners.forEach((listener, i) => {
    const at = [...path, "properties", "listeners", i];
    if (seenPorts.has(listener.port)) {
      diagnostics.push({ severity: "error", code: "conflict", message: `port ${listener.port} has two listeners`, path: at });
      return;
    }
    seenPorts.add(listener.port);
    const properties: Record<string, CfValue> = {
      LoadBalancerArn: ref(lbId),
      Port: listener.port,
      Protocol: listener.protocol,
      DefaultActions: [
        {
          Type: "fixed-response",
          FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "Not Found" },
        },
      ],
    };
    if (listener.protocol === "HTTPS") {
      if (!listener.customCertificateArns?.length) {
        diagnostics.push({
          severity: "error",
          code: "limit",
          message: "an HTTPS listener needs at least one certificate in customCertificateArns",
          path: at,
        });
      } else {
        properties.Certificates = listener.customCertificateArns.map((arn) => ({ CertificateArn: arn }));
      }
    }
    resources[logicalIds.listener(name, listener.port)] = {
      Type: "AWS::ElasticLoadBalancingV2::Listener",
      Properties: properties,
    };
  });

  return fragment(path, {
    resources,
    outputs: {
      [logicalIds.output(name, "dnsName")]: { Description: `DNS name of load balancer ${name}`, Value: getAtt(lbId, "DNSName") },
    },
    diagnostics,
  });
}
