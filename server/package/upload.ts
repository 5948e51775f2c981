import "server-only";
import { HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { dnsSuffix } from "@/server/aws/regions";

// Content-addressed uploads to the artifacts bucket: the key holds the sha256 of the bytes, so a
// key that exists already holds exactly these bytes and is not uploaded again.

export const templateKey = (stackName: string, sha256Hex: string) => `templates/${stackName}/${sha256Hex}.json`;

/** The URL CloudFormation reads a template from (TemplateURL); emulators parse the bucket and key out of it too. */
export function templateUrl(bucket: string, region: string, key: string): string {
  return `https://${bucket}.s3.${region}.${dnsSuffix(region)}/${key}`;
}

async function exists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === "NotFound" || e.$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

export interface UploadRequest {
  key: string;
  body: Uint8Array;
  sha256Base64: string;
  contentType: string;
}

/** Uploads unless the key exists; says which. S3 checks the bytes against the sha256 on the way in. */
export async function uploadIfMissing(s3: S3Client, bucket: string, request: UploadRequest): Promise<"uploaded" | "exists"> {
  if (await exists(s3, bucket, request.key)) return "exists";
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: request.key,
      Body: request.body,
      ContentType: request.contentType,
      ChecksumSHA256: request.sha256Base64,
    }),
  );
  return "uploaded";
}
