/**
 * The MS kinds over HTTP in-process (hono's app.request) on an in-memory PGlite store: JSON and multipart
 * requests, HTTP 400 for bad formulae and empty spectra, and the stored confirmation's mirrored plot.
 */
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { simulateSpectrum, spectrumToCsv } from "../src/core/analytics/ms/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { openStore, type Store } from "../src/store/index.js";

let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "ms-api-test" });
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

const IXAZOMIB = "C14H19BCl2N2O4";
const csv = new TextEncoder().encode(
  spectrumToCsv(
    simulateSpectrum(IXAZOMIB, {
      ions: [{ adduct: "[M+H]+", abundance: 1 }],
      rand: mulberry32(5),
      ppmShift: -0.8,
    }),
  ),
);

function upload(kind: string, spectrum: Uint8Array | null, parameters: unknown, save = false) {
  const form = new FormData();
  form.set("parameters", JSON.stringify(parameters));
  form.set("save", String(save));
  if (spectrum) form.set("spectrum", new Blob([spectrum as Uint8Array<ArrayBuffer>]), "spectrum.csv");
  return app.request(`/api/analyses/${kind}`, { method: "POST", body: form });
}

describe("ms kinds over HTTP", () => {
  it("ms.isotopes (no file) returns the pattern", async () => {
    const response = await upload("ms.isotopes", null, { formula: IXAZOMIB, adduct: "[M+Na]+" });
    expect(response.status).toBe(200);
    const { result } = (await response.json()).envelope;
    expect(result.ionFormula).toBe("C14H19BCl2N2NaO4+");
    expect(Math.max(...result.peaks.map((p: { relative: number }) => p.relative))).toBe(100);
  });

  it("a malformed formula is HTTP 400 with the caret message", async () => {
    const response = await upload("ms.isotopes", null, { formula: "C14H19B(Cl2" });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("column 12: expected ')'");
  });

  it("an unknown adduct is HTTP 400", async () => {
    const response = await upload("ms.isotopes", null, { formula: IXAZOMIB, adduct: "[M+Zz]+" });
    expect(response.status).toBe(400);
  });

  it("an empty spectrum is HTTP 400", async () => {
    const empty = new TextEncoder().encode("mz,intensity\n361.09,0\n");
    const response = await upload("ms.confirm", empty, { formula: IXAZOMIB, adducts: ["[M+H]+"] });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("expected at least one peak");
  });

  it("ms.confirm stored: confirmed at −0.8 ppm, and GET …/plots/ms.svg draws the mirrored plot", async () => {
    const response = await upload(
      "ms.confirm",
      csv,
      { formula: IXAZOMIB, adducts: ["[M+H]+", "[M+Na]+"] },
      true,
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.envelope.result.confirmed).toBe(true);
    expect(Math.abs(body.envelope.result.ions[0].ppmError + 0.8)).toBeLessThan(0.1);
    expect(body.envelope.result.ions[1].matched).toBe(false);
    const plot = await app.request(`/api/analyses/${body.id}/plots/ms.svg`);
    expect(plot.status).toBe(200);
    expect(plot.headers.get("content-type")).toContain("image/svg+xml");
    const svg = await plot.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("observed ↑");
  });

  it("ms.formula with a spectrum puts ixazomib first", async () => {
    const mz = 361.0887693 * (1 - 0.8e-6);
    const response = await upload("ms.formula", csv, { mz, adduct: "[M+H]+", ppm: 5 });
    expect(response.status).toBe(200);
    const { result } = (await response.json()).envelope;
    expect(result.candidates[0].formula).toBe(IXAZOMIB);
  });
});
