import assert from "node:assert/strict";
import { test } from "node:test";
import { facilityTypes } from "@openclm/contracts";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { DEFAULT_LANGUAGE_CODES } from "../taxonomy/default-taxonomy.js";
import { buildDemoland, type DemoArea } from "./demoland.js";
import { DEMO_EXTRA_LANGUAGES } from "./demoland-extra-names.js";
import type { Position, Ring } from "./grid-geometry.js";

/** The languages Demoland is written in. */
const DEMO_LANGUAGES = [...DEFAULT_LANGUAGE_CODES, ...DEMO_EXTRA_LANGUAGES] as const;

const demo = buildDemoland();
const country = demo.areas.filter((a) => a.level === 0);
const regions = demo.areas.filter((a) => a.level === 1);
const districts = demo.areas.filter((a) => a.level === 2);
const byCode = new Map(demo.areas.map((a) => [a.code, a]));

const ringOf = (a: DemoArea): Ring => a.boundary.coordinates[0] as Ring;
const childrenOf = (a: DemoArea) => demo.areas.filter((c) => c.parentCode === a.code);
const inside = (p: Position, a: DemoArea) => booleanPointInPolygon(p, a.boundary);

/** Twice the signed area (shoelace): positive for a counter-clockwise ring. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [x1, y1] = ring[k] as Position;
    const [x2, y2] = ring[k + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** An irregular lattice of points over a bbox; the odd offsets keep samples off the exact vertex coordinates. */
function samples(bbox: [number, number, number, number], steps: number): Position[] {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const out: Position[] = [];
  for (let a = 0; a < steps; a++) {
    for (let b = 0; b < steps; b++) {
      out.push([
        minLng + ((a + 0.5137) / steps) * (maxLng - minLng),
        minLat + ((b + 0.4871) / steps) * (maxLat - minLat),
      ]);
    }
  }
  return out;
}

const edgeKey = (p: Position, q: Position) => `${p[0]},${p[1]}>${q[0]},${q[1]}`;
function edgesOf(ring: Ring): string[] {
  return ring.slice(0, -1).map((p, k) => edgeKey(p, ring[k + 1] as Position));
}

test("Demoland has one country, at least 3 regions and at least 9 districts (3–4 per region)", () => {
  assert.equal(country.length, 1);
  assert.equal(country[0]?.code, "DL");
  assert.ok(regions.length >= 3);
  assert.ok(districts.length >= 9);
  for (const r of regions) {
    const n = childrenOf(r).length;
    assert.ok(n >= 3 && n <= 4, `${r.code} has ${n} districts`);
  }
});

test("the hierarchy is consistent: codes, parents first, levels and leaves", () => {
  const seen = new Set<string>();
  for (const a of demo.areas) {
    if (a.parentCode !== null) {
      assert.ok(seen.has(a.parentCode), `${a.code} comes before its parent`);
      assert.equal(byCode.get(a.parentCode)?.level, a.level - 1);
      assert.ok(a.code.startsWith(`${a.parentCode}-`), a.code);
    }
    assert.equal(a.isLeaf, a.level === 2, a.code);
    seen.add(a.code);
  }
  assert.equal(seen.size, demo.areas.length, "area codes are unique");
  for (const d of districts) assert.match(d.code, /^DL-[A-Z]-\d\d$/);
});

test("every area has a name in every shipped language, the Russian, Tajik, Ukrainian and Kazakh ones in Cyrillic, the Khmer one in Khmer", () => {
  for (const a of demo.areas) {
    for (const lang of DEMO_LANGUAGES) assert.ok(a.names[lang]?.trim(), `${a.code} ${lang}`);
    assert.match(a.names.ru, /^[А-ЯЁа-яё -]+$/, a.code);
    assert.match(a.names.km, /^[\u1780-\u17ff ]+$/, a.code);
    for (const lang of ["tg", "uk", "kk"] as const)
      assert.match(a.names[lang], /^[А-ЯЁа-яёІіЇїЄєҒғҚқҲҳҶҷӢӣӮӯӘәҢңҮүҰұӨөҺһ' -]+$/, `${a.code} ${lang}`);
  }
});

test("populations are realistic and add up", () => {
  for (const d of districts) assert.ok(d.population >= 300 && d.population <= 3000, d.code);
  for (const parent of [...country, ...regions]) {
    const sum = childrenOf(parent).reduce((s, c) => s + c.population, 0);
    assert.equal(parent.population, sum, parent.code);
  }
});

test("boundaries are closed, counter-clockwise rings around Demoland's place on the map, with matching bboxes", () => {
  for (const a of demo.areas) {
    const ring = ringOf(a);
    assert.equal(a.boundary.type, "Polygon");
    assert.equal(a.boundary.coordinates.length, 1, `${a.code} has holes`);
    assert.ok(ring.length >= 4);
    assert.deepEqual(ring[0], ring.at(-1), `${a.code} ring not closed`);
    assert.ok(signedArea(ring) > 0, `${a.code} ring is clockwise`);
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    assert.deepEqual(a.bbox, [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]);
    assert.ok(a.bbox[0] >= 67 && a.bbox[2] <= 73 && a.bbox[1] >= 37.5 && a.bbox[3] <= 41.5, a.code);
  }
});

test("every edge of a child is either its parent's border or shared, reversed, with exactly one sibling", () => {
  for (const parent of [...country, ...regions]) {
    const parentEdges = new Set(edgesOf(ringOf(parent)));
    const kids = childrenOf(parent);
    const owners = new Map<string, string[]>();
    for (const k of kids) for (const e of edgesOf(ringOf(k))) owners.set(e, [...(owners.get(e) ?? []), k.code]);
    const used = new Set<string>();
    for (const k of kids) {
      for (const e of edgesOf(ringOf(k))) {
        if (parentEdges.has(e)) {
          used.add(e);
          continue;
        }
        const [from, to] = e.split(">") as [string, string];
        const twin = owners.get(`${to}>${from}`) ?? [];
        assert.equal(twin.length, 1, `${k.code}: edge ${e} is neither border nor shared`);
        assert.notEqual(twin[0], k.code);
      }
    }
    assert.equal(used.size, parentEdges.size, `${parent.code}: part of its border belongs to no child`);
  }
});

test("districts tile their region and regions tile the country (sampled)", () => {
  for (const parent of [...country, ...regions]) {
    const kids = childrenOf(parent);
    for (const p of samples(parent.bbox, 50)) {
      const hits = kids.filter((k) => inside(p, k)).length;
      if (inside(p, parent)) assert.equal(hits, 1, `${parent.code}: ${p} is in ${hits} children`);
      else assert.equal(hits, 0, `${parent.code}: ${p} is in a child but outside the parent`);
    }
  }
});

test("at least 30 facilities, spread over every district", () => {
  assert.ok(demo.facilities.length >= 30);
  for (const d of districts)
    assert.ok(
      demo.facilities.some((f) => f.districtCode === d.code),
      d.code,
    );
  assert.equal(new Set(demo.facilities.map((f) => f.code)).size, demo.facilities.length, "facility codes are unique");
});

test("every facility lies strictly inside its own district, and in no other", () => {
  for (const f of demo.facilities) {
    const district = byCode.get(f.districtCode);
    assert.ok(district?.isLeaf, `${f.code}: ${f.districtCode} is not a district`);
    assert.ok(booleanPointInPolygon([f.lng, f.lat], district.boundary, { ignoreBoundary: true }), f.code);
    const others = districts.filter((d) => d !== district && inside([f.lng, f.lat], d));
    assert.deepEqual(
      others.map((d) => d.code),
      [],
      f.code,
    );
  }
});

test("every facility type of PRODUCT.md 3.3 is used", () => {
  const used = new Set(demo.facilities.map((f) => f.type));
  for (const type of facilityTypes) assert.ok(used.has(type), `no ${type}`);
});

test("facilities are fully described: names, address, phone, hours and services", () => {
  const span = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
  for (const f of demo.facilities) {
    for (const lang of DEMO_LANGUAGES) {
      assert.ok(f.names[lang]?.trim(), `${f.code} name ${lang}`);
      assert.ok(f.address[lang]?.trim(), `${f.code} address ${lang}`);
    }
    assert.match(f.phone, /^\+999 \d{2} \d{3} \d{4}$/);
    assert.ok(f.services.length > 0 && new Set(f.services).size === f.services.length, f.code);
    const days = Object.values(f.openingHours);
    assert.ok(days.length > 0, `${f.code} never opens`);
    for (const spans of days) for (const s of spans ?? []) assert.match(s, span, f.code);
  }
  assert.equal(new Set(demo.facilities.map((f) => f.names.en)).size, demo.facilities.length, "names are unique");
  assert.ok(
    demo.facilities.some((f) => f.openingHours.sun?.includes("00:00-24:00")),
    "a 24/7 facility",
  );
  assert.ok(
    demo.facilities.some((f) => f.openingHours.sat && !f.openingHours.sun),
    "a Saturday opening",
  );
});

test("the build is deterministic and never uses Math.random", () => {
  const original = Math.random;
  Math.random = () => {
    throw new Error("Math.random must not be used");
  };
  try {
    assert.deepEqual(buildDemoland(), demo);
  } finally {
    Math.random = original;
  }
});
