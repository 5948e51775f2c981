// Which deployment status changes notify, and what the notification says. Pure.

export const NOTIFICATION_EVENTS = ["started", "succeeded", "failed"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const TARGET_KINDS = ["slack", "webhook"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * The event a status change is: "started" when a worker begins the deployment (out of the queue),
 * "succeeded" when it ends well (no changes included), "failed" when it fails or rolls back.
 * A cancellation notifies nothing: the person who cancelled knows.
 */
export function notificationEventFor(operation: "deploy" | "destroy", to: string): NotificationEvent | null {
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
  event: `deploy.${NotificationEvent}`;
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

export type WebhookNotification = DeploymentNotification | PingNotification;

const VERB: Record<NotificationEvent, string> = { started: "started", succeeded: "succeeded", failed: "failed" };
const ICON: Record<NotificationEvent, string> = { started: ":rocket:", succeeded: ":white_check_mark:", failed: ":x:" };

/** A Slack incoming webhook's body: one line of mrkdwn, with the error when there is one. */
export function slackMessage(n: WebhookNotification): { text: string } {
  if (n.event === "ping") return { text: `:wave: Test notification from Lambdaplane for *${n.stack}* / *${n.stage}*: this channel will hear about its deploys.` };
  const event = n.event.slice("deploy.".length) as NotificationEvent;
  const what = n.deployment.operation === "destroy" ? "Stack deletion" : `Deploy of revision ${n.deployment.revision}`;
  const who = n.deployment.startedBy ? ` (started by ${n.deployment.startedBy})` : "";
  const status = event === "succeeded" && n.deployment.status === "no_changes" ? " with no changes" : "";
  const error = n.deployment.error ? `\n>${n.deployment.error.split("\n")[0]}` : "";
  return { text: `${ICON[event]} ${what} of *${n.stack}* to *${n.stage}* ${VERB[event]}${status}${who}. <${n.deployment.url}|Open deployment>${error}` };
}
