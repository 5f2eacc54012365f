// Contract checks with real clients against the built API on a free loopback port with a fresh database:
// (a) httpyac runs every request in api.http with its assertions, (b) Redocly and Spectral lint the served document,
// (c) openapi-typescript generates types and tsc compiles (strict) a typed client that walks the main flows, and
// NSwag and Kiota generate C# clients whose programs (dotnet-clients/, warnings as errors) walk them too,
// (d) Swagger UI renders every operation in headless Chromium, (e) independent parsers read the iCalendar and
// C3VOC exports. httpyac, the typed clients and the exports check reach the API through validating-proxy.mjs, which
// holds every answer against the served document (the rules of ContractCheck.cs) and makes one check of them.
// Prints "contract: N passed, N failed".
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, mkdirSync, openSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkExports } from "./exports-check.mjs";
import { formatViolation, startValidatingProxy } from "./validating-proxy.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const bin = (name) => join(here, "node_modules", ".bin", name);
const apiDll = resolve(process.env.FORUM_API_DLL ?? join(root, "artifacts", "api", "Forums.Api.dll"));

let passed = 0;
let failed = 0;
const results = [];
// One check counts once; a check made of several (assertions, operations) counts each of them.
function record(check, ok, detail = "", counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }) {
  passed += counts.passed;
  failed += ok ? counts.failed : Math.max(counts.failed, 1);
  results.push(`${ok ? "✓" : "✖"} ${check}${detail ? ` — ${detail}` : ""}`);
  console.log(results.at(-1));
}

// Asynchronous, not spawnSync: the validating proxy runs in this process and must answer while a client runs.
function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: here, stdio: ["ignore", "pipe", "pipe"], ...options });
    const stdout = [];
    const stderr = [];
    child.stdout?.on("data", (d) => stdout.push(d));
    child.stderr?.on("data", (d) => stderr.push(d));
    child.on("error", (e) => stderr.push(Buffer.from(String(e.message))));
    child.on("close", (code) =>
      done({ code: code ?? 1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
  });
}

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on("error", fail);
  });
}

async function waitUntilServing(url, api) {
  for (let i = 0; i < 120; i++) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API did not answer ${url} within 60 s`);
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataFolder = mkdtempSync(join(tmpdir(), "forum-api-contract-"));
const out = join(here, "out");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const apiLog = [];
const api = spawn("dotnet", [apiDll, `--urls=${baseUrl}`, `--Database:DataFolder=${dataFolder}`], {
  cwd: dirname(apiDll),
  env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Development" },
  stdio: ["ignore", "pipe", "pipe"],
});
api.stdout.on("data", (d) => apiLog.push(d.toString()));
api.stderr.on("data", (d) => apiLog.push(d.toString()));
let proxy;

try {
  await waitUntilServing(`${baseUrl}/swagger/v1/swagger.json`, api);
  const documentText = await (await fetch(`${baseUrl}/swagger/v1/swagger.json`)).text();
  const documentPath = join(out, "openapi.json");
  writeFileSync(documentPath, documentText);
  const document = JSON.parse(documentText);
  // The contract clients (httpyac, the typed clients, the exports check) go through it; Redocly and Swagger UI do not.
  proxy = await startValidatingProxy({ target: baseUrl, document });
  const clientUrl = proxy.url;
  const operations = Object.values(document.paths).flatMap((item) =>
    Object.entries(item).filter(([verb]) => ["get", "put", "post", "delete", "patch"].includes(verb)).map(([, op]) => op));

  // api.http holds a request for every operation of the document.
  const requests = readFileSync(join(root, "api.http"), "utf8").split(/\r?\n/)
    .map((line) => line.match(/^(GET|POST|PUT|PATCH|DELETE) \{\{baseUrl\}\}([^?\s]*)/)).filter(Boolean)
    .map(([, verb, path]) => [verb, path.replace(/\{\{[^}]+\}\}/g, "*")]);
  const missing = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item)
    .filter(([verb]) => ["get", "put", "post", "delete", "patch"].includes(verb))
    .filter(([verb]) => !requests.some(([v, p]) => v === verb.toUpperCase()
      && new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`).test(p)))
    .map(([, op]) => op.operationId));
  record("api.http has a request for every operation", missing.length === 0,
    missing.length ? `missing: ${missing.join(", ")}` : `${operations.length} operations`,
    { passed: operations.length - missing.length, failed: missing.length });

  // (a) httpyac: every request of api.http, with its assertions.
  // Into a file, not a pipe: httpyac exits before a pipe has taken a large report (it was cut at about 216 kB).
  const httpyacReport = join(out, "httpyac.json");
  const reportFile = openSync(httpyacReport, "w");
  const httpyac = await run(bin("httpyac"), ["send", join(root, "api.http"), "--all", "--json"], {
    cwd: root, env: { ...process.env, FORUM_API_URL: clientUrl }, stdio: ["ignore", reportFile, "pipe"],
  });
  closeSync(reportFile);
  httpyac.stdout = readFileSync(httpyacReport, "utf8");
  try {
    const report = JSON.parse(httpyac.stdout.slice(httpyac.stdout.indexOf("{")));
    const s = report.summary;
    record("httpyac runs api.http", s.failedTests === 0 && s.erroredTests === 0 && s.erroredRequests === 0 && s.totalRequests > 0,
      `${s.totalRequests} requests, ${s.successTests} assertions passed, ${s.failedTests} failed, ${s.erroredTests} errored`,
      { passed: s.successTests, failed: s.failedTests + s.erroredTests });
    for (const request of report.requests)
      for (const test of request.testResults ?? [])
        if (test.status !== "SUCCESS") console.log(`   ${request.name}: ${test.message} ${test.error?.displayMessage ?? ""}`);
  } catch (e) {
    record("httpyac runs api.http", false, `${e.message}\n${httpyac.stdout}${httpyac.stderr}`);
  }

  // (b) Redocly CLI: recommended rules, 0 errors and 0 warnings.
  const lint = await run(bin("redocly"), ["lint", documentPath, "--config", join(here, "redocly.yaml"), "--format", "json"]);
  try {
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf("{")));
    const { errors, warnings } = report.totals;
    record("Redocly lint (recommended)", errors === 0 && warnings === 0, `${errors} errors, ${warnings} warnings`);
    for (const problem of report.problems ?? [])
      console.log(`   ${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location?.[0]?.pointer ?? ""}`);
  } catch (e) {
    record("Redocly lint (recommended)", false, `${e.message}\n${lint.stdout}${lint.stderr}`);
  }

  // (b2) Spectral with its OpenAPI ruleset (tests/contract/.spectral.yaml turns nothing off): 0 errors, 0 warnings.
  const spectral = await run(bin("spectral"), ["lint", documentPath, "--ruleset", join(here, ".spectral.yaml"), "--format", "json", "--quiet"]);
  try {
    const problems = JSON.parse(spectral.stdout.slice(spectral.stdout.indexOf("[")));
    const errors = problems.filter((p) => p.severity === 0).length;
    const warnings = problems.filter((p) => p.severity === 1).length;
    record("Spectral lint (spectral:oas)", errors === 0 && warnings === 0, `${errors} errors, ${warnings} warnings`);
    for (const problem of problems.filter((p) => p.severity <= 1))
      console.log(`   ${problem.severity === 0 ? "error" : "warn"} ${problem.code}: ${problem.message} at ${problem.path.join("/")}`);
  } catch (e) {
    record("Spectral lint (spectral:oas)", false, `${e.message}\n${spectral.stdout}${spectral.stderr}`);
  }

  // (c) openapi-typescript + tsc --strict, then the typed client walks the main flows.
  mkdirSync(join(here, "generated"), { recursive: true });
  const generate = await run(bin("openapi-typescript"), [documentPath, "-o", join(here, "generated", "forum-api.ts")]);
  record("openapi-typescript generates the types", generate.code === 0, generate.code === 0 ? "" : generate.stderr);
  const tsc = await run(bin("tsc"), ["-p", join(here, "tsconfig.json")]);
  const tscErrors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  record("tsc --strict compiles the typed client", tsc.code === 0, tsc.code === 0 ? "0 errors" : `${tscErrors} errors\n${tsc.stdout}`);
  if (tsc.code === 0) {
    const client = await run("node", [join(here, "out", "client", "client", "walk-main-flows.js")], { env: { ...process.env, FORUM_API_URL: clientUrl } });
    const summary = client.stdout.match(/typed client: (\d+) passed, (\d+) failed/);
    record("the typed client walks the main flows", client.code === 0 && summary !== null,
      summary ? `${summary[1]} passed, ${summary[2]} failed` : client.stdout + client.stderr,
      summary ? { passed: Number(summary[1]), failed: Number(summary[2]) } : undefined);
    if (client.code !== 0) console.log(client.stderr);
  }

  // (c2) C# clients: NSwag and Kiota each generate one from the served document as their walk program builds
  // (nullable reference types, warnings as errors; dotnet-clients/), and the program walks the main flows through the
  // proxy: list, get by slug, create a forum, a delegation and a delegate, merge-patch it, a typed 409 by its problem
  // type, the badge's PNG and the iCalendar file, a CSV import. Each step counts.
  const adminToken = process.env.FORUM_API_ADMIN_TOKEN ?? "fat_DEVELOPMENT-ONLY-admin-token-never-use-in-production";
  for (const [generator, project] of [["NSwag", "NSwagWalk"], ["Kiota", "KiotaWalk"]]) {
    const folder = join(here, "dotnet-clients", project);
    const started = Date.now();
    const build = await run("dotnet", ["build", folder, "-c", "Release", "-v", "quiet", "-nologo", "-clp:NoSummary",
      `-p:OpenApiDocument=${documentPath}`]);
    const buildErrors = [...new Set(build.stdout.split(/\r?\n/).filter((line) => /: (error|warning) /.test(line)).map((line) => line.trim()))];
    record(`${generator} generates a C# client that builds with warnings as errors`, build.code === 0,
      build.code === 0 ? `${((Date.now() - started) / 1000).toFixed(1)} s` : `${buildErrors.length} errors and warnings\n${buildErrors.join("\n") || build.stdout + build.stderr}`);
    if (build.code !== 0) continue;
    const walkStarted = Date.now();
    const walk = await run("dotnet", [join(folder, "bin", "Release", "net10.0", `${project}.dll`)],
      { env: { ...process.env, FORUM_API_URL: clientUrl, FORUM_API_ADMIN_TOKEN: adminToken } });
    const summary = walk.stdout.match(/walk: (\d+) passed, (\d+) failed/);
    record(`the ${generator} client walks the main flows`, walk.code === 0 && summary !== null,
      summary ? `${summary[1]} passed, ${summary[2]} failed, ${((Date.now() - walkStarted) / 1000).toFixed(1)} s` : walk.stdout + walk.stderr,
      summary ? { passed: Number(summary[1]), failed: Number(summary[2]) } : undefined);
    for (const line of walk.stdout.split(/\r?\n/).filter((l) => l.startsWith("✖"))) console.log(`   ${line}`);
    if (walk.code !== 0 && walk.stderr) console.log(walk.stderr);
  }

  // (e) The exports, read by independent parsers: ical.js for iCalendar, Ajv with the C3VOC schema.
  await checkExports(clientUrl, process.env.FORUM_API_ADMIN_TOKEN ?? "fat_DEVELOPMENT-ONLY-admin-token-never-use-in-production", record);

  // Every answer the clients above got, held against the document: each answer without a violation passes, each
  // violation fails (an answer to a request no operation matches is not checked).
  await proxy.close();
  const { answers, violations, unchecked } = proxy;
  record("every answer of the contract clients matches the document", answers > 0 && violations.length === 0,
    `${answers} answers of ${proxy.operations.size} operations checked, ${violations.length} violations${unchecked ? `, ${unchecked} answers to requests no operation matches not checked` : ""}`,
    { passed: proxy.passed, failed: violations.length });
  for (const violation of violations) console.log(`   ${formatViolation(violation)}`);

  // (d) Swagger UI in headless Chromium shows every operation.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/swagger/index.html`);
    await page.waitForSelector(".opblock", { timeout: 30000 });
    const shown = await page.$$eval(".opblock .opblock-summary-operation-id", (nodes) => nodes.map((n) => n.textContent?.trim()));
    const expected = operations.map((op) => op.operationId).sort();
    const missing = expected.filter((id) => !shown.includes(id));
    record("Swagger UI renders every operation", missing.length === 0 && shown.length === expected.length,
      `${shown.length} of ${expected.length} shown${missing.length ? `; missing ${missing.join(", ")}` : ""}`,
      { passed: expected.length - missing.length, failed: missing.length });
    const authorize = await page.$$(".auth-wrapper .authorize");
    record("Swagger UI offers Authorize for the bearer scheme", authorize.length === 1);
    await page.screenshot({ path: join(out, "swagger-ui.png"), fullPage: true });
  } finally {
    await browser.close();
  }
} catch (e) {
  record("contract checks ran", false, e.message);
  console.log(apiLog.join(""));
} finally {
  await proxy?.close();
  api.kill("SIGTERM");
  rmSync(dataFolder, { recursive: true, force: true });
}

console.log(`contract: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
