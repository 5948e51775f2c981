// Which deployment status changes notify (and a stage's new drift), and what the notification says. Pure.

export const NOTIFICATION_EVENTS = ["started", "succeeded", "failed", "drifted"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
/** The events a deployment's status change makes; "drifted" comes from a drift check. */
export type DeployEvent = Exclude<NotificationEvent, "drifted">;

export const TARGET_KINDS = ["slack", "webhook"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * The event a status change is: "started" when a worker begins the deployment (out of the queue),
 * "succeeded" when it ends well (no changes included), "failed" when it fails or rolls back.
 * A cancellation notifies nothing: the person who cancelled knows.
 */
export function notificationEventFor(operation: "deploy" | "destroy", to: string): DeployEvent | null {
  if (to === (operation === "deploy" ? "packaging" : "executing")) return "started";
  if (to === "succeeded" || to === "no_changes") return "succeeded";
  if (to === "failed" || to === "rolled_back") return "failed";
  return null;
}

/** What every webhook body carries. A redelivery has a new deliveryId and the same eventId. */
interface WebhookEnvelope {
  eventId: string;
  deliveryId: string;
  occurredAt: string;
  organization: { slug: string; name: string };
  stack: string;
  stage: string;
}

export interface DeploymentNotification extends WebhookEnvelope {
  event: `deploy.${DeployEvent}`;
  deployment: {
    id: string;
    operation: "deploy" | "destroy";
    status: string;
    revision: number;
    startedBy: string | null;
    error: string | null;
    cloudFormationStackName: string | null;
    url: string;
  };
}

/** "Send test delivery": a ping about no deployment, so a receiver can be checked before a deploy. */
export interface PingNotification extends WebhookEnvelope {
  event: "ping";
  test: true;
}

/** A stage whose live resources no longer match its last deploy: sent once per new set of drifts. */
export interface DriftNotification extends WebhookEnvelope {
  event: "stage.drifted";
  drift: {
    checkId: string;
    /** How many properties drifted; `drifts` lists the first few. */
    count: number;
    drifts: { resource: string; property: string }[];
    /** The person's email; null when the schedule ran the check. */
    checkedBy: string | null;
    url: string;
  };
}

export type WebhookNotification = DeploymentNotification | PingNotification | DriftNotification;

const VERB: Record<DeployEvent, string> = { started: "started", succeeded: "succeeded", failed: "failed" };
const ICON: Record<DeployEvent, string> = { started: ":rocket:", succeeded: ":white_check_mark:", failed: ":x:" };

function slackDriftMessage(n: DriftNotification): { text: string } {
  const listed = n.drift.drifts.map((d) => `${d.resource} ${d.property}`).join(", ");
  const more = n.drift.count > n.drift.drifts.length ? ` and ${n.drift.count - n.drift.drifts.length} more` : "";
  return { text: `:warning: Stage *${n.stage}* of *${n.stack}* drifted: ${n.drift.count} propert${n.drift.count === 1 ? "y" : "ies"} changed outside Lambdaplane (${listed}${more}). <${n.drift.url}|Open drift>` };
}

/** A Slack incoming webhook's body: one line of mrkdwn, with the error when there is one. */
export function slackMessage(n: WebhookNotification): { text: string } {
  if (n.event === "ping") return { text: `:wave: Test notification from Lambdaplane for *${n.stack}* / *${n.stage}*: this channel will hear about its deploys.` };
  if (n.event === "stage.drifted") return slackDriftMessage(n);
  const event = n.event.slice("deploy.".length) as DeployEvent;
  const what = n.deployment.operation === "destroy" ? "Stack deletion" : `Deploy of revision ${n.deployment.revision}`;
  const who = n.deployment.startedBy ? ` (started by ${n.deployment.startedBy})` : "";
  const status = event === "succeeded" && n.deployment.status === "no_changes" ? " with no changes" : "";
  const error = n.deployment.error ? `\n>${n.deployment.error.split("\n")[0]}` : "";
  return { text: `${ICON[event]} ${what} of *${n.stack}* to *${n.stage}* ${VERB[event]}${status}${who}. <${n.deployment.url}|Open deployment>${error}` };
}
