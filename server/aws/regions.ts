import { z } from "zod";

// AWS region codes: "us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "ap-southeast-5".
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const regionSchema = z
  .string()
  .trim()
  .regex(REGION_PATTERN, "Region must be an AWS region code such as eu-west-1.");

/** The DNS suffix of the region's partition (S3 URLs, service principals). */
export function dnsSuffix(region: string): string {
  return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}
