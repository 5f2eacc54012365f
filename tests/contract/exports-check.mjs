// The exports, read by independent parsers: the iCalendar export by ical.js, the C3VOC export by Ajv against the
// C3VOC schema, a badge's QR code by jsQR. Builds its own published forum with a timed programme through the API first.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import jsQR from "jsqr";
import { PNG } from "pngjs";

const here = dirname(fileURLToPath(import.meta.url));

/** Removes // comments outside string literals (the schema file is JSON with comments). */
export function stripJsonComments(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else out += c;
  }
  return out;
}

export async function checkExports(baseUrl, adminToken, record) {
  const admin = async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };

  const forum = await admin("POST", "/api/forums", {
    slug: `exports-${Date.now().toString(36)}`,
    title: { en: "Exports; with, special\\characters", kk: "Экспорт" },
    city: { en: "Turkistan", kk: "Түркістан" },
    country: "KZ",
    timeZone: "Asia/Almaty",
    startDate: "2027-05-20",
    endDate: "2027-05-21",
  });
  const speaker = await admin("POST", `/api/forums/${forum.id}/speakers`, {
    name: "Нұралхан Көшеров", nameLatin: "Nuralkhan Kusherov", biography: { en: "Akim of Turkistan region." },
  });
  const sessions = [
    ["Investment opportunities of Turkistan region", "2027-05-20T10:00:00+05:00", "2027-05-20T10:45:00+05:00", "Congress hall"],
    ["Welcome address", "2027-05-20T11:00:00+05:00", "2027-05-20T11:30:00+05:00", "Congress hall"],
    ["Панельная сессия: межрегиональное сотрудничество и совместные инициативы регионов Центральной Азии и Кореи", "2027-05-21T09:30:00+05:00", "2027-05-21T12:00:00+05:00", "Hall B"],
  ];
  const created = [];
  for (const [order, [title, startsAt, endsAt, room]] of sessions.entries())
    created.push(await admin("POST", `/api/forums/${forum.id}/sessions`, {
      title: { en: title }, kind: "presentation", order: order + 1, startsAt, endsAt, room, languages: ["kk"], interpretationLanguages: ["en", "ko"],
    }));
  await admin("POST", `/api/forums/${forum.id}/sessions`, { title: { en: "Not scheduled yet" }, kind: "other", order: 9 });
  await admin("PUT", `/api/forums/${forum.id}/sessions/${created[1].id}/speakers/${speaker.id}`, { role: "keynote", order: 1 });
  await admin("POST", `/api/forums/${forum.id}/publish`);

  // iCalendar, parsed by ical.js, read anonymously as a calendar app would.
  const ics = await (await fetch(`${baseUrl}/api/forums/${forum.id}/programme.ics?lang=en`)).text();
  try {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = calendar.getFirstSubcomponent("vtimezone");
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const timed = events.filter((e) => !e.startDate.isDate);
    const welcome = timed.find((e) => e.summary === "Welcome address");
    const checks = [
      ["a VTIMEZONE for Asia/Almaty", zone?.getFirstPropertyValue("tzid") === "Asia/Almaty"],
      ["one VEVENT per scheduled session, plus the forum's days", timed.length === 3 && events.length === 4],
      ["stable, unique UIDs", new Set(events.map((e) => e.uid)).size === 4 && timed.every((e) => e.uid.startsWith("session-"))],
      ["10:00 in Almaty is 05:00 UTC, by the VTIMEZONE", timed[0].startDate.zone?.tzid === "Asia/Almaty"
        && timed[0].startDate.toUnixTime() === Date.parse("2027-05-20T05:00:00Z") / 1000],
      ["escaped text comes back as written", events.some((e) => e.summary === "Exports; with, special\\characters")],
      ["a folded long title comes back whole", timed.some((e) => e.summary === sessions[2][0])],
      ["the speaker is in the description", welcome?.description?.includes("Nuralkhan Kusherov") === true],
    ];
    for (const [name, ok] of checks) record(`iCalendar (ical.js): ${name}`, ok);
  } catch (e) {
    record("iCalendar (ical.js) parses the export", false, e.message);
  }

  // C3VOC schedule JSON, validated against the schema with Ajv.
  const schedule = await (await fetch(`${baseUrl}/api/forums/${forum.id}/schedule.json?lang=en`)).json();
  const schema = JSON.parse(stripJsonComments(readFileSync(join(here, "standards", "c3voc-schedule.schema.jsonc"), "utf8")));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(JSON.parse(readFileSync(join(here, "node_modules", "ajv", "dist", "refs", "json-schema-draft-06.json"), "utf8")));
  addFormats(ajv);
  ajv.addFormat("color", true);
  const validate = ajv.compile(schema);
  const valid = validate(schedule);
  record("C3VOC schedule JSON validates against the schema", valid, valid ? "" : JSON.stringify(validate.errors, null, 1).slice(0, 2000));
  const events = Object.values(schedule.schedule.conference.days[0].rooms).flat();
  record("C3VOC: the first day has its sessions in their rooms", events.length === 2 && events[0].room === "Congress hall");
  // The badge's QR code, decoded by jsQR from the PNG: it carries the accreditation code.
  const registered = await admin("POST", `/api/forums/${forum.id}/delegates`, { name: "Ю Мин Бон", nameLatin: "Yu Min-bong" });
  const png = await fetch(`${baseUrl}/api/forums/${forum.id}/delegates/${registered.id}/badge/qr.png`,
    { headers: { Authorization: `Bearer ${adminToken}` } });
  try {
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    record("QR code (jsQR): the badge's PNG decodes to the accreditation code", decoded?.data === registered.accreditationCode,
      decoded?.data ?? "not decoded");
  } catch (e) {
    record("QR code (jsQR): the badge's PNG decodes to the accreditation code", false, e.message);
  }

  const seedSchedule = await fetch(`${baseUrl}/api/forum-slugs/central-asia-korea-ii`).then((r) => r.json())
    .then((seed) => fetch(`${baseUrl}/api/forums/${seed.id}/schedule.json`));
  record("C3VOC: a forum without dates answers 409 problem details",
    seedSchedule.status === 409 && seedSchedule.headers.get("content-type")?.startsWith("application/problem+json") === true);
}
