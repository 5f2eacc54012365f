// A reverse proxy in front of the running API that holds every answer against the OpenAPI document, with the rules of
// tests/Forums.Api.Tests/Infrastructure/ContractCheck.cs: the operation documents the status; the content type is one
// the response lists; a JSON body is valid under its schema (OpenAPI 3.0 semantics, nullable included); the API's own
// headers are sent where, and only where, the document declares them (and always where it declares them required); a
// problem's type is one of those its response lists (x-problem-types).
// A request no operation matches (an unknown route, a method a route does not have) is passed on and not checked.
// Requests go to the API unchanged (method, path, headers including Host, body) and answers come back unchanged
// (status, headers, body bytes); the answer is buffered to be checked before it is sent on.
//
// run-checks.mjs starts it in front of the API for httpyac, the typed client and the exports check. By hand:
//   node tests/contract/validating-proxy.mjs http://127.0.0.1:5080 [port]   (prints each violation as it happens)
import { request as httpRequest, Agent, createServer } from "node:http";
import { gunzipSync, inflateSync, brotliDecompressSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";

/** The headers this API sends on purpose, which the document must declare where they are sent (as ContractCheck.cs). */
export const apiHeaders = ["ETag", "Location", "Retry-After", "Idempotent-Replayed", "WWW-Authenticate", "Content-Disposition", "Content-Language"];

const verbs = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const documentId = "https://forum-api.contract/openapi.json";
const openApiOnly = ["nullable", "discriminator", "xml", "externalDocs", "example", "deprecated", "readOnly", "writeOnly"];

/** An OpenAPI 3.0 schema as JSON Schema (draft-07) for Ajv: nullable becomes null allowed, $refs point into {@link documentId}. */
export function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  // OpenAPI 3.0 ignores the siblings of a $ref (nullable aside, see below).
  if (typeof schema.$ref === "string") return wrapNullable(schema, { $ref: schema.$ref.startsWith("#/") ? documentId + schema.$ref : schema.$ref });
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (openApiOnly.includes(key)) continue;
    if (key === "properties" || key === "patternProperties")
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]));
    else if (["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"].includes(key)) out[key] = toJsonSchema(value);
    else out[key] = value; // type, required, enum, format, lengths, description: the same in both
  }
  return wrapNullable(schema, out);
}

/**
 * nullable: true adds null to the allowed values: a $ref or a composition is wrapped in anyOf [it, null]; a typed
 * schema takes "null" as a second type (and into its enum, if it has one); an untyped one allows null already.
 */
function wrapNullable(schema, out) {
  if (schema.nullable !== true) return out;
  if (out.$ref !== undefined || out.allOf || out.anyOf || out.oneOf) return { anyOf: [out, { type: "null" }] };
  if (out.type !== undefined) {
    out.type = Array.isArray(out.type) ? [...new Set([...out.type, "null"])] : [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/** Path templates, a literal segment before a parameter (delegates/export before delegates/{delegateId}). */
function pathMatchers(document) {
  const parameters = (template) => (template.match(/\{[^}]+\}/g) ?? []).length;
  return Object.keys(document.paths ?? {})
    .sort((a, b) => parameters(a) - parameters(b) || b.length - a.length)
    .map((template) => ({
      template,
      pattern: new RegExp("^" + template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+") + "$"),
    }));
}

/** The rules of ContractCheck.cs over one document; `violations(method, path, status, headers, body)` lists what breaks it. */
export function createContract(document) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // A format ajv-formats does not know checks nothing, as OpenAPI allows. ajv-formats 3 knows OpenAPI's own (int32 and
  // int64 as ranges, float, double, byte, binary, password) besides uuid, date and date-time, so in this document none
  // is left unknown today; one Swashbuckle adds later is registered here as a no-op and listed in ignoredFormats.
  const formats = new Set();
  (function collect(node) {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) {
        if (key === "format" && typeof value === "string") formats.add(value);
        else collect(value);
      }
  })(document);
  const ignoredFormats = [...formats].filter((format) => !ajv.formats[format]).sort();
  for (const format of ignoredFormats) ajv.addFormat(format, true);
  const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s)]));
  ajv.addSchema({ $id: documentId, components: { schemas } });

  const matchers = pathMatchers(document);
  const resolve = (node) => {
    for (let i = 0; node?.$ref && i < 10; i++)
      node = node.$ref.replace(/^#\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((at, segment) => at?.[segment], document);
    return node;
  };
  const validators = new Map();
  const seen = new Set();
  const validatorFor = (key, schema) => {
    if (!validators.has(key)) validators.set(key, ajv.compile(toJsonSchema(schema)));
    return validators.get(key);
  };

  function operationFor(method, path) {
    const match = matchers.find((m) => m.pattern.test(path));
    const operation = match && document.paths[match.template][method.toLowerCase()];
    return verbs.includes(method.toLowerCase()) && operation ? { template: match.template, operation } : undefined;
  }

  /**
   * undefined: no operation matches the request, so the answer is not checked; otherwise what in the answer the
   * document does not promise, each as { operation, status, what } (empty: none).
   */
  function violations(method, path, status, headers, body) {
    const found = operationFor(method, path);
    if (!found) return undefined;
    const { operation, template } = found;
    seen.add(operation.operationId ?? `${method} ${template}`);
    const violation = (what) => ({ operation: operation.operationId ?? `${method} ${template}`, status: String(status), what });
    const declared = resolve(operation.responses?.[String(status)]);
    if (!declared)
      return [violation(`the status is not documented (documented: ${Object.keys(operation.responses ?? {}).join(", ")})`)];

    const list = [];
    const header = (h) => headers[h.toLowerCase()];
    const mediaType = header("Content-Type")?.split(";")[0].trim().toLowerCase() || undefined;
    if (body.length > 0 || mediaType !== undefined) {
      const content = Object.entries(declared.content ?? {});
      const entry = content.find(([type]) => type.toLowerCase() === mediaType);
      if (content.length === 0)
        list.push(violation(`a body (${mediaType}) where the document declares none`));
      else if (!entry)
        list.push(violation(`content type ${mediaType} is not one of ${content.map(([type]) => type).join(", ")}`));
      else if (mediaType.includes("json") && entry[1].schema) {
        let value;
        try {
          value = JSON.parse(decode(body, header("Content-Encoding")).toString("utf8"));
        } catch (e) {
          list.push(violation(`the ${mediaType} body is not JSON (${e.message})`));
        }
        if (value !== undefined) {
          const validate = validatorFor(`${method} ${template} ${status} ${entry[0]}`, entry[1].schema);
          if (!validate(value))
            for (const e of validate.errors)
              list.push(violation(`body ${e.instancePath || "/"}: ${e.message}${Object.keys(e.params ?? {}).length ? ` ${JSON.stringify(e.params)}` : ""}`));
          if (mediaType === "application/problem+json") {
            const listed = declared["x-problem-types"];
            if (!Array.isArray(listed)) list.push(violation("a problem answer, but the response lists no problem types (x-problem-types)"));
            else if (!listed.includes(value?.type))
              list.push(violation(`the problem type ${value?.type} is not one the document lists for it (${listed.join(", ")})`));
          }
        }
      }
    }

    const promised = Object.fromEntries(Object.entries(declared.headers ?? {}).map(([h, v]) => [h.toLowerCase(), resolve(v)]));
    for (const h of apiHeaders) {
      const sent = header(h) !== undefined;
      const promise = promised[h.toLowerCase()];
      if (sent && !promise) list.push(violation(`sends ${h}, which the document does not declare`));
      else if (!sent && promise?.required === true) list.push(violation(`the document says ${h} is always sent; it was not`));
    }
    return list;
  }

  return { violations, ignoredFormats, operations: seen };
}

function decode(body, encoding) {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip": case "x-gzip": return gunzipSync(body);
    case "deflate": return inflateSync(body);
    case "br": return brotliDecompressSync(body);
    default: return body;
  }
}

/**
 * Starts the proxy on a free loopback port in front of `target` (the API's base URL) and checks every answer against
 * `document` (the parsed OpenAPI document; it is not changed). Resolves to { url, answers, passed, unchecked,
 * operations, violations, ignoredFormats, close }:
 * answers counts the checked answers (passed: those without a violation), unchecked the ones no operation matched,
 * operations names the operations answered; violations lists each violation as { operation, status, what, request }.
 * onViolation, if given, is called with each as it happens.
 */
export async function startValidatingProxy({ target, document, port = 0, onViolation }) {
  const contract = createContract(structuredClone(document));
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const state = { answers: 0, passed: 0, unchecked: 0, violations: [], ignoredFormats: contract.ignoredFormats };
  const report = (violation) => {
    state.violations.push(violation);
    onViolation?.(violation);
  };

  const server = createServer((req, res) => {
    const forward = httpRequest({
      host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
      headers: req.rawHeaders, setHost: false, agent,
    }, (answer) => {
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("error", (e) => res.destroy(e));
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        const path = (req.url ?? "/").split("?")[0];
        let found;
        try {
          found = contract.violations(req.method, path, answer.statusCode, answer.headers, body);
        } catch (e) {
          found = [{ operation: "?", status: String(answer.statusCode), what: `the check itself failed: ${e.message}` }];
        }
        if (found === undefined) state.unchecked++;
        else {
          state.answers++;
          if (found.length === 0) state.passed++;
          for (const v of found) report({ ...v, request: `${req.method} ${req.url}` });
        }
        res.writeHead(answer.statusCode, answer.statusMessage, answer.rawHeaders);
        res.end(body);
      });
    });
    forward.on("error", (e) => {
      report({ operation: "?", status: "-", what: `the API did not answer: ${e.message}`, request: `${req.method} ${req.url}` });
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(`validating proxy: the API did not answer: ${e.message}`);
    });
    req.pipe(forward);
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get answers() { return state.answers; },
    get passed() { return state.passed; },
    get unchecked() { return state.unchecked; },
    get violations() { return state.violations; },
    get ignoredFormats() { return state.ignoredFormats; },
    /** The operations whose answers were checked. */
    get operations() { return contract.operations; },
    close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
      agent.destroy();
    }),
  };
}

/** One violation on one line: operation id, status, what, and the request that got the answer. */
export const formatViolation = (v) => `${v.operation} ${v.status}: ${v.what} (${v.request})`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [target = "http://127.0.0.1:5080", port = "5081"] = process.argv.slice(2);
  const document = await (await fetch(`${target}/swagger/v1/swagger.json`)).json();
  const proxy = await startValidatingProxy({ target, document, port: Number(port), onViolation: (v) => console.log(formatViolation(v)) });
  console.log(`validating proxy: ${proxy.url} -> ${target}; unknown formats not checked: ${proxy.ignoredFormats.join(", ") || "none"}`);
  process.on("SIGINT", async () => {
    await proxy.close();
    console.log(`validating proxy: ${proxy.answers} answers checked, ${proxy.violations.length} violations, ${proxy.unchecked} not matched by an operation`);
    process.exit(proxy.violations.length === 0 ? 0 : 1);
  });
}
