/** Slug of the organization `npm run dev` seeds on first run. */
export const DEMO_ORG_SLUG = "demo";
