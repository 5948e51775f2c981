// Price data per region, assembled from one file per service.
import { API_GATEWAY_PRICES, type ApiGatewayPrices } from "./api-gateway";
import { CLOUDWATCH_LOGS_PRICES, type CloudWatchLogsPrices } from "./cloudwatch-logs";
import { DYNAMODB_PRICES, type DynamoDbPrices } from "./dynamodb";
import { FREE_TIER, type FreeTierAllowances } from "./free-tier";
import { LAMBDA_EDGE_PRICES, LAMBDA_PRICES, type LambdaEdgePrices, type LambdaPrices } from "./lambda";
import { LOAD_BALANCING_PRICES, type LoadBalancingPrices } from "./load-balancing";
import { MESSAGING_PRICES, type MessagingPrices } from "./messaging";
import { PRICED_REGIONS, type PricedRegion } from "./regions";
import { SECRETS_MANAGER_PRICES, type SecretsManagerPrices } from "./secrets-manager";
import { VPC_PRICES, type VpcPrices } from "./vpc";

export interface RegionPrices {
  region: PricedRegion;
  lambda: LambdaPrices;
  lambdaEdge: LambdaEdgePrices;
  apiGateway: ApiGatewayPrices;
  loadBalancing: LoadBalancingPrices;
  vpc: VpcPrices;
  messaging: MessagingPrices;
  dynamoDb: DynamoDbPrices;
  cloudWatchLogs: CloudWatchLogsPrices;
  secretsManager: SecretsManagerPrices;
  freeTier: FreeTierAllowances;
}

export const PRICES: Record<PricedRegion, RegionPrices> = Object.fromEntries(
  PRICED_REGIONS.map((region) => [
    region,
    {
      region,
      lambda: LAMBDA_PRICES[region],
      lambdaEdge: LAMBDA_EDGE_PRICES,
      apiGateway: API_GATEWAY_PRICES[region],
      loadBalancing: LOAD_BALANCING_PRICES[region],
      vpc: VPC_PRICES[region],
      messaging: MESSAGING_PRICES[region],
      dynamoDb: DYNAMODB_PRICES[region],
      cloudWatchLogs: CLOUDWATCH_LOGS_PRICES[region],
      secretsManager: SECRETS_MANAGER_PRICES[region],
      freeTier: FREE_TIER,
    },
  ]),
) as Record<PricedRegion, RegionPrices>;

export { PRICED_REGIONS, isPricedRegion, type PricedRegion } from "./regions";
export type { FreeAllowance, PriceConfidence, PriceProvenance, PriceTier, TieredPrice, UnitPrice } from "./types";
