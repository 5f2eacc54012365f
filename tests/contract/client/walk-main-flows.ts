// A small client typed from the served OpenAPI document (openapi-typescript + openapi-fetch).
// It compiles under `strict` only while the document describes what the API really takes and gives;
// it then walks the main flows against the running API and counts its checks.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/forum-api.js";

type Forum = components["schemas"]["Forum"];
type CreateForum = components["schemas"]["CreateForumRequest"];

const baseUrl = process.env.FORUM_API_URL;
if (!baseUrl) throw new Error("FORUM_API_URL is not set");
// DEVELOPMENT ONLY: the admin token of appsettings.Development.json.
const adminToken = process.env.FORUM_API_ADMIN_TOKEN ?? "fat_DEVELOPMENT-ONLY-admin-token-never-use-in-production";
const api = createClient<paths>({ baseUrl });
const admin = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${adminToken}` } });

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail?: unknown): void {
  if (ok) passed++;
  else {
    failed++;
    console.error(`✖ ${name}`, detail ?? "");
  }
}

const seed = await api.GET("/api/forum-slugs/{slug}", { params: { path: { slug: "central-asia-korea-ii" } } });
check("the seed forum is found by slug", seed.response.status === 200 && seed.data?.status === "published", seed.error);
const seedTitle: string | undefined = seed.data?.title["kk"];
check("the seed forum's Kazakh title", seedTitle === "Орталық Азия – Корея ІІ ынтымақтастық форумы", seedTitle);

const page = await api.GET("/api/forums", { params: { query: { status: "published", country: "KZ", limit: 5 } } });
const items: Forum[] = page.data?.items ?? [];
check("listing published forums in KZ finds the seed", items.some((f) => f.slug === "central-asia-korea-ii"), page.error);
const next: string | null | undefined = page.data?.nextCursor;
check("a short list has no next cursor", next === null, next);

const body: CreateForum = {
  slug: `typed-client-${Date.now().toString(36)}`,
  title: { en: "Typed client forum", kk: "Форум" },
  city: { en: "Turkistan" },
  country: "KZ",
  timeZone: "Asia/Almaty",
  capacity: 100,
};
const anonymousCreate = await api.POST("/api/forums", { body });
check("creating without a token answers 401", anonymousCreate.response.status === 401 && anonymousCreate.error?.status === 401, anonymousCreate.error);

const created = await admin.POST("/api/forums", { body, params: { header: { "Idempotency-Key": crypto.randomUUID() } } });
check("create answers 201 with a draft", created.response.status === 201 && created.data?.status === "draft", created.error);
const id = created.data?.id ?? "";
const etag = created.response.headers.get("etag") ?? "";

const draftForAnonymous = await api.GET("/api/forums/{forumId}", { params: { path: { forumId: id } } });
check("a draft is 404 for anonymous callers", draftForAnonymous.response.status === 404, draftForAnonymous.error);

const issued = await admin.POST("/api/tokens", { body: { name: "Typed client", role: "organiser", forumIds: [id] } });
const secret: string = issued.data?.token ?? "";
check("an organiser token is issued with its secret", issued.response.status === 201 && secret.startsWith("fat_"), issued.error);
const organiser = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${secret}` } });

const invalid = await admin.POST("/api/forums", { body: { ...body, slug: "Bad Slug", country: "XX" } });
const errors = invalid.error && "errors" in invalid.error ? Object.keys(invalid.error.errors).sort() : [];
check("invalid fields are named in the 400", invalid.response.status === 400 && errors.join() === "country,slug", invalid.error);

const updated = await organiser.PUT("/api/forums/{forumId}", {
  params: { path: { forumId: id }, header: { "If-Match": etag } },
  body: { ...body, capacity: 80 },
});
check("update with If-Match answers the new fields", updated.data?.capacity === 80, updated.error);

const stale = await organiser.PUT("/api/forums/{forumId}", {
  params: { path: { forumId: id }, header: { "If-Match": etag } },
  body,
});
check("a stale If-Match answers 412 problem details", stale.response.status === 412 && stale.error?.status === 412, stale.error);

const published = await organiser.POST("/api/forums/{forumId}/publish", { params: { path: { forumId: id } } });
check("publish", published.data?.status === "published", published.error);
const republished = await organiser.POST("/api/forums/{forumId}/publish", { params: { path: { forumId: id } } });
check("publishing twice answers 409", republished.response.status === 409 && typeof republished.error?.detail === "string", republished.error);
const notAllowed = republished.error && "allowedValues" in republished.error ? republished.error : undefined;
check("publishing twice is the problem type status-not-allowed, naming the allowed statuses",
  notAllowed?.type.endsWith("/problems/status-not-allowed") === true && notAllowed.allowedValues?.join() === "draft", republished.error);

// Registration: one place, two delegates; cancelling the first promotes the second.
type Delegate = components["schemas"]["ForumDelegate"];
const small = await admin.POST("/api/forums", {
  body: { ...body, slug: `${body.slug}-small`, capacity: 1 },
});
const smallId = small.data?.id ?? "";
const delegation = await admin.POST("/api/forums/{forumId}/delegations", {
  params: { path: { forumId: smallId } },
  body: { name: { kk: "Түркістан облысы", en: "Turkistan region" }, kind: "region", country: "KZ" },
});
check("a delegation is created", delegation.response.status === 201 && delegation.data?.kind === "region", delegation.error);
const register = (name: string) => admin.POST("/api/forums/{forumId}/delegates", {
  params: { path: { forumId: smallId } },
  body: { name, email: `${name.toLowerCase()}-${Date.now()}@example.kz`, delegationId: delegation.data?.id ?? null },
});
const first = await register("Aigerim");
const second = await register("Bauyrzhan");
const firstDelegate: Delegate | undefined = first.data;
check("the first registration is confirmed", firstDelegate?.status === "confirmed", first.error);
check("the second is waitlisted", second.data?.status === "waitlisted" && typeof second.data.waitlistedAt === "string", second.error);
const cancelled = await admin.POST("/api/forums/{forumId}/delegates/{delegateId}/cancel", {
  params: { path: { forumId: smallId, delegateId: firstDelegate?.id ?? "" } },
});
check("cancel", cancelled.data?.status === "cancelled", cancelled.error);
const promoted = await admin.GET("/api/forums/{forumId}/delegates/{delegateId}", {
  params: { path: { forumId: smallId, delegateId: second.data?.id ?? "" } },
});
check("the waitlisted delegate is promoted", promoted.data?.status === "confirmed", promoted.error);

// A partial change (JSON Merge Patch, RFC 7396): only what changes is sent; what is left out stays.
const promotedTag = promoted.response.headers.get("etag") ?? "";
const patchPath = { forumId: smallId, delegateId: second.data?.id ?? "" };
const patched = await admin.PATCH("/api/forums/{forumId}/delegates/{delegateId}", {
  params: { path: patchPath, header: { "If-Match": promotedTag } },
  headers: { "Content-Type": "application/merge-patch+json" },
  body: { nameLatin: "Bauyrzhan", phone: "+7 700 000 0001", needs: { diet: "halal" } },
});
const patchedDelegate: Delegate | undefined = patched.data;
check("a merge patch changes what it sends and keeps the rest",
  patched.response.status === 200 && patchedDelegate?.phone === "+7 700 000 0001" && patchedDelegate.needs.diet === "halal"
  && patchedDelegate.nameLatin === "Bauyrzhan" && patchedDelegate.name === "Bauyrzhan" && patchedDelegate.email === second.data?.email
  && patchedDelegate.delegationId === delegation.data?.id && patchedDelegate.status === "confirmed", patched.error);
const stalePatch = await admin.PATCH("/api/forums/{forumId}/delegates/{delegateId}", {
  params: { path: patchPath, header: { "If-Match": promotedTag } },
  headers: { "Content-Type": "application/merge-patch+json" },
  body: { phone: null },
});
check("a merge patch with a stale If-Match answers 412", stalePatch.response.status === 412 && stalePatch.error?.status === 412, stalePatch.error);
const found = await admin.GET("/api/forums/{forumId}/delegates", { params: { query: { q: "BAUYRZHAN", status: "confirmed" }, path: { forumId: smallId } } });
check("search finds the promoted delegate", found.data?.items.length === 1, found.error);
const publicDelegates = await api.GET("/api/forums/{forumId}/delegates", { params: { path: { forumId: smallId } } });
check("delegates are not public", publicDelegates.response.status === 401, publicDelegates.error);

// The programme: a speaker on a timed session, read back through the agenda in the forum's zone.
const dated = await admin.POST("/api/forums", {
  body: { ...body, slug: `${body.slug}-dated`, startDate: "2027-05-20", endDate: "2027-05-21" },
});
const datedId = dated.data?.id ?? "";
const speaker = await admin.POST("/api/forums/{forumId}/speakers", {
  params: { path: { forumId: datedId } },
  body: { name: "Чон Ёнг Хва", nameLatin: "Chon Yong-hwa", organisation: { en: "Woosong University Kazakhstan" } },
});
const session = await admin.POST("/api/forums/{forumId}/sessions", {
  params: { path: { forumId: datedId } },
  body: { title: { en: "IT education" }, kind: "presentation", order: 1, startsAt: "2027-05-21T14:00:00+05:00", endsAt: "2027-05-21T14:45:00+05:00", room: "Hall B" },
});
check("a session is created with its local time", session.data?.startsAt === "2027-05-21T14:00:00+05:00", session.error);
const assigned = await admin.PUT("/api/forums/{forumId}/sessions/{sessionId}/speakers/{speakerId}", {
  params: { path: { forumId: datedId, sessionId: session.data?.id ?? "", speakerId: speaker.data?.id ?? "" } },
  body: { role: "speaker", order: 1 },
});
check("a speaker is put on the session", assigned.data?.speakers.length === 1, assigned.error);
const clash = await admin.POST("/api/forums/{forumId}/sessions", {
  params: { path: { forumId: datedId } },
  body: { title: { en: "Clash" }, kind: "panel", order: 2, startsAt: "2027-05-21T14:30:00+05:00", endsAt: "2027-05-21T15:00:00+05:00", room: "Hall B" },
});
const clashProblem = clash.error && "existing" in clash.error ? clash.error : undefined;
check("a room clash answers 409 naming the other session", clash.response.status === 409 && clashProblem?.existing?.endsWith(session.data?.id ?? "-") === true, clash.error);
// A program tells problems apart by their type (the URIs the response lists in x-problem-types), then reads its members.
check("the room clash is told apart by its problem type, with the other session's id",
  clashProblem?.type.endsWith("/problems/room-clash") === true && clashProblem.conflictingSessionId === session.data?.id, clash.error);
const agenda = await admin.GET("/api/forums/{forumId}/agenda", { params: { path: { forumId: datedId } } });
const day: components["schemas"]["AgendaDay"] | undefined = agenda.data?.days[0];
check("the agenda shows the day and the speaker", day?.date === "2027-05-21" && day.sessions[0]?.speakers[0]?.nameLatin === "Chon Yong-hwa", agenda.error);

const tokens = await admin.GET("/api/tokens", { params: { query: { forumId: id } } });
check("the token list shows the organiser token without its secret",
  tokens.data?.items.some((t) => t.id === issued.data?.id && !("token" in t)) === true, tokens.error);
const revoked = await admin.POST("/api/tokens/{tokenId}/revoke", { params: { path: { tokenId: issued.data?.id ?? "" } } });
check("revoke", typeof revoked.data?.revokedAt === "string", revoked.error);
const refused = await organiser.GET("/api/forums");
check("a revoked token answers 401", refused.response.status === 401, refused.error);

const archived = await admin.POST("/api/forums/{forumId}/archive", { params: { path: { forumId: id } } });
check("archive", archived.data?.status === "archived", archived.error);
const deleted = await admin.DELETE("/api/forums/{forumId}", { params: { path: { forumId: id } } });
check("delete answers 204", deleted.response.status === 204, deleted.error);
const gone = await admin.GET("/api/forums/{forumId}", { params: { path: { forumId: id } } });
check("a deleted forum answers 404", gone.response.status === 404 && gone.error?.status === 404, gone.error);

console.log(`typed client: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
