"use client";
import { useQuery } from "@tanstack/react-query";
import type { FunctionLiveView } from "@/lib/functions/types";
import { RequestError, requestJson } from "@/lib/http/request-json";
import { ErrorText } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Facts, LiveSection } from "./live-section";
import { ConfigurationFacts, EnvironmentTable } from "./configuration-section";
import { AliasesList, MappingsTable, ProvisionedList, VersionsTable } from "./list-sections";
import { InvocationsTable } from "./invocations-section";

/** The function as AWS reports it now; each section that could not be read says why in its place. */
export function FunctionDetails({ orgSlug, stageId, functionName, canSeeValues }: { orgSlug: string; stageId: string; functionName: string; canSeeValues: boolean }) {
  const query = useQuery({
    queryKey: ["function", orgSlug, stageId, functionName],
    retry: false,
    queryFn: ({ signal }) => requestJson<FunctionLiveView>(`/api/orgs/${orgSlug}/stages/${stageId}/function?${new URLSearchParams({ function: functionName })}`, { signal }),
  });
  const v = query.data;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-3">
        <Button type="button" variant="ghost" onClick={() => query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? "Reading…" : "Refresh"}
        </Button>
      </div>
      {query.error ? <ErrorText message={query.error.message} details={query.error instanceof RequestError ? query.error.details : null} /> : null}
      {query.error ? null : (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            <LiveSection id="fn-configuration" title="Configuration" section={v?.configuration}>
              {(c) => <ConfigurationFacts c={c} />}
            </LiveSection>
            <LiveSection id="fn-environment" title="Environment variables" section={v?.configuration}>
              {(c) => <EnvironmentTable c={c} canSeeValues={canSeeValues} />}
            </LiveSection>
            <LiveSection id="fn-reserved" title="Reserved concurrency" section={v?.reservedConcurrency}>
              {(n) => <Facts label="Reserved concurrency" rows={[["Reserved", n === null ? "not set (uses the account's unreserved pool)" : String(n)]]} />}
            </LiveSection>
            <LiveSection id="fn-provisioned" title="Provisioned concurrency" section={v?.provisionedConcurrency}>
              {(list) => <ProvisionedList list={list} />}
            </LiveSection>
            <LiveSection id="fn-url" title="Function URL" section={v?.url}>
              {(url) => (url ? <Facts label="Function URL" rows={[["URL", <span key="url" className="font-mono">{url.url}</span>], ["Auth", url.authType], ["Invoke mode", url.invokeMode]]} /> : <p className="text-sm text-slate-600">No function URL.</p>)}
            </LiveSection>
            <LiveSection id="fn-aliases" title="Aliases" section={v?.aliases}>
              {(list) => <AliasesList list={list} />}
            </LiveSection>
          </div>
          <LiveSection id="fn-versions" title="Versions" section={v?.versions}>
            {(list) => <VersionsTable list={list} />}
          </LiveSection>
          <LiveSection id="fn-mappings" title="Event source mappings" section={v?.eventSourceMappings}>
            {(list) => <MappingsTable list={list} />}
          </LiveSection>
          <LiveSection id="fn-invocations" title="Recent invocations (last hour)" section={v?.recentInvocations}>
            {(recent) => <InvocationsTable recent={recent} />}
          </LiveSection>
        </>
      )}
    </div>
  );
}
