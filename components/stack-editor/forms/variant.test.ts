import { describe, expect, it } from "vitest";
import { kafkaTrigger } from "./triggers/kafka-topic";
import { switchVariant } from "./variant";

const authentication = kafkaTrigger.fields.find((f) => f.kind === "variant")!;
const switchTo = (type: string, previous: unknown) => switchVariant(authentication.create!(type), previous);

describe("switchVariant (Kafka authentication)", () => {
  it("keeps the secret ARN from one SASL type to another", () => {
    const before = { type: "SASL_SCRAM_256_AUTH", properties: { authenticationSecretArn: "arn:aws:secretsmanager:eu-west-1:1:secret:kafka" } };
    expect(switchTo("SASL_SCRAM_512_AUTH", before)).toEqual({ type: "SASL_SCRAM_512_AUTH", properties: { authenticationSecretArn: "arn:aws:secretsmanager:eu-west-1:1:secret:kafka" } });
    expect(switchTo("BASIC_AUTH", before)).toEqual({ type: "BASIC_AUTH", properties: { authenticationSecretArn: "arn:aws:secretsmanager:eu-west-1:1:secret:kafka" } });
  });

  it("does not carry a secret into a type that has no such field, nor back out of it", () => {
    const sasl = { type: "BASIC_AUTH", properties: { authenticationSecretArn: "arn:sasl" } };
    const mtls = switchTo("MTLS", sasl);
    expect(mtls).toEqual({ type: "MTLS", properties: { clientCertificate: "" } });
    const withCertificates = { type: "MTLS", properties: { clientCertificate: "arn:cert", serverRootCaCertificate: "arn:ca" } };
    expect(switchTo("SASL_SCRAM_256_AUTH", withCertificates)).toEqual({ type: "SASL_SCRAM_256_AUTH", properties: { authenticationSecretArn: "" } });
  });

  it("starts from the new type's object when there was none, or its field was empty", () => {
    expect(switchTo("SASL_SCRAM_512_AUTH", undefined)).toEqual({ type: "SASL_SCRAM_512_AUTH", properties: { authenticationSecretArn: "" } });
    expect(switchTo("SASL_SCRAM_512_AUTH", { type: "BASIC_AUTH", properties: { authenticationSecretArn: "" } })).toEqual({
      type: "SASL_SCRAM_512_AUTH",
      properties: { authenticationSecretArn: "" },
    });
    expect(switchTo("SASL_SCRAM_512_AUTH", "not an object")).toEqual({ type: "SASL_SCRAM_512_AUTH", properties: { authenticationSecretArn: "" } });
  });

  it("leaves the previous object as it was", () => {
    const before = { type: "SASL_SCRAM_256_AUTH", properties: { authenticationSecretArn: "arn:s" } };
    switchTo("BASIC_AUTH", before);
    expect(before).toEqual({ type: "SASL_SCRAM_256_AUTH", properties: { authenticationSecretArn: "arn:s" } });
  });
});
