// The stack's default VPC: two public subnets in different availability zones (a load balancer
// needs two) routed to an internet gateway, plus the security group functions joining it use.
// Functions in it get no public IP, so they have no internet access (seed 000, "Default VPC").
import { getAzs, ref, select, type CfResource } from "../cfn";
import { allow, type IamStatement } from "../iam";
import { logicalIds } from "../naming";
import type { RenderOptions } from "../options";

const SUBNET_CIDRS = ["10.0.0.0/20", "10.0.16.0/20"];

export const defaultVpcSubnetIds = () => SUBNET_CIDRS.map((_, i) => ref(logicalIds.defaultVpcSubnet(i)));

export function defaultVpcResources(options: Pick<RenderOptions, "stackName" | "stage">): Record<string, CfResource> {
  const vpc = logicalIds.defaultVpc();
  const gateway = logicalIds.defaultVpcInternetGateway();
  const attachment = logicalIds.defaultVpcGatewayAttachment();
  const routeTable = logicalIds.defaultVpcRouteTable();
  const resources: Record<string, CfResource> = {
    [vpc]: {
      Type: "AWS::EC2::VPC",
      Properties: {
        CidrBlock: "10.0.0.0/16",
        EnableDnsSupport: true,
        EnableDnsHostnames: true,
        Tags: [{ Key: "Name", Value: `${options.stackName}-${options.stage}` }],
      },
    },
    [gateway]: { Type: "AWS::EC2::InternetGateway" },
    [attachment]: {
      Type: "AWS::EC2::VPCGatewayAttachment",
      Properties: { VpcId: ref(vpc), InternetGatewayId: ref(gateway) },
    },
    [routeTable]: { Type: "AWS::EC2::RouteTable", Properties: { VpcId: ref(vpc) } },
    [logicalIds.defaultVpcInternetRoute()]: {
      Type: "AWS::EC2::Route",
      // The route can only use the gateway once it is attached to the VPC.
      DependsOn: [attachment],
      Properties: { RouteTableId: ref(routeTable), DestinationCidrBlock: "0.0.0.0/0", GatewayId: ref(gateway) },
    },
  };
  SUBNET_CIDRS.forEach((cidr, i) => {
    const subnet = logicalIds.defaultVpcSubnet(i);
    resources[subnet] = {
      Type: "AWS::EC2::Subnet",
      Properties: { VpcId: ref(vpc), CidrBlock: cidr, AvailabilityZone: select(i, getAzs()) },
    };
    resources[logicalIds.defaultVpcSubnetRouteTableAssociation(i)] = {
      Type: "AWS::EC2::SubnetRouteTableAssociation",
      Properties: { SubnetId: ref(subnet), RouteTableId: ref(routeTable) },
    };
  });
  return resources;
}

export function defaultVpcFunctionSecurityGroup(): Record<string, CfResource> {
  return {
    [logicalIds.defaultVpcFunctionSecurityGroup()]: {
      Type: "AWS::EC2::SecurityGroup",
      Properties: {
        GroupDescription: "Functions in the default VPC of the stack",
        VpcId: ref(logicalIds.defaultVpc()),
        SecurityGroupEgress: [{ IpProtocol: "-1", CidrIp: "0.0.0.0/0", Description: "All outbound traffic" }],
      },
    },
  };
}

/**
 * Lambda creates and removes the function's network interfaces with its execution role. EC2 does
 * not support resource-level scoping for these calls, hence "*" (as in AWS's
 * AWSLambdaVPCAccessExecutionRole).
 */
export function vpcNetworkInterfaceStatement(): IamStatement {
  return allow(
    [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ],
    ["*"],
  );
}
