// A small client typed from the served OpenAPI document (openapi-typescript + openapi-fetch).
// It compiles under `strict` only while the document describes what the API really takes and gives;
// it then walks the main flows against the running API and counts its checks.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/forum-api.js";

type Forum = components["schemas"]["Forum"];
type CreateForum = components["schemas"]["CreateForumRequest"];

const baseUrl = process.env.FORUM_API_URL;
if (!baseUrl) throw new Error("FORUM_API_URL is not set");
const api = createClient<paths>({ baseUrl });

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
const created = await api.POST("/api/forums", { body, params: { header: { "Idempotency-Key": crypto.randomUUID() } } });
check("create answers 201 with a draft", created.response.status === 201 && created.data?.status === "draft", created.error);
const id = created.data?.id ?? "";
const etag = created.response.headers.get("etag") ?? "";

const invalid = await api.POST("/api/forums", { body: { ...body, slug: "Bad Slug", country: "XX" } });
const errors = invalid.error && "errors" in invalid.error ? Object.keys(invalid.error.errors).sort() : [];
check("invalid fields are named in the 400", invalid.response.status === 400 && errors.join() === "country,slug", invalid.error);

const updated = await api.PUT("/api/forums/{forumId}", {
  params: { path: { forumId: id }, header: { "If-Match": etag } },
  body: { ...body, capacity: 80 },
});
check("update with If-Match answers the new fields", updated.data?.capacity === 80, updated.error);

const stale = await api.PUT("/api/forums/{forumId}", {
  params: { path: { forumId: id }, header: { "If-Match": etag } },
  body,
});
check("a stale If-Match answers 412 problem details", stale.response.status === 412 && stale.error?.status === 412, stale.error);

const published = await api.POST("/api/forums/{forumId}/publish", { params: { path: { forumId: id } } });
check("publish", published.data?.status === "published", published.error);
const republished = await api.POST("/api/forums/{forumId}/publish", { params: { path: { forumId: id } } });
check("publishing twice answers 409", republished.response.status === 409 && typeof republished.error?.detail === "string", republished.error);

const archived = await api.POST("/api/forums/{forumId}/archive", { params: { path: { forumId: id } } });
check("archive", archived.data?.status === "archived", archived.error);
const deleted = await api.DELETE("/api/forums/{forumId}", { params: { path: { forumId: id } } });
check("delete answers 204", deleted.response.status === 204, deleted.error);
const gone = await api.GET("/api/forums/{forumId}", { params: { path: { forumId: id } } });
check("a deleted forum answers 404", gone.response.status === 404 && gone.error?.status === 404, gone.error);

console.log(`typed client: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
