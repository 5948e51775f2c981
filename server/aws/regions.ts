/** The DNS suffix of the region's partition (S3 URLs, service principals). */
export function dnsSuffix(region: string): string {
  return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}
