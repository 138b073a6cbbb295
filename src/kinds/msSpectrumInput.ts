import type { MassSpectrum } from "../core/analytics/ms/index.js";
import { type MassSpectrumFormat, parseMassSpectrum } from "../io/spectrum/index.js";
import type { InputSpec, SuppliedInput } from "./kind.js";

/** The spectrum file input of the MS kinds. */
export const SPECTRUM_INPUT: Omit<InputSpec, "required"> = {
  name: "spectrum",
  format: "mass-spectrum",
  description: "mass spectrum: mzML, JCAMP-DX MS, ANDI-MS (.cdf) or centroid CSV (mz,intensity)",
  accept: ".mzML,.mzml,.jdx,.dx,.jcamp,.cdf,.CDF,.csv,.txt",
};

/** What a result records about the spectrum it used. */
export interface SpectrumSummary {
  format: MassSpectrumFormat;
  scans: number;
  label: string | null;
  points: number;
  centroided: boolean;
}

/** Parses the supplied spectrum (chosen scan, or the most intense) and summarises it for the result. */
export function spectrumOf(
  input: SuppliedInput,
  scan?: number,
): { spectrum: MassSpectrum; summary: SpectrumSummary } {
  const { format, spectrum, scans } = parseMassSpectrum(input.bytes, input.ref.name, scan ?? "most-intense");
  return {
    spectrum,
    summary: {
      format,
      scans,
      label: spectrum.label ?? null,
      points: spectrum.mz.length,
      centroided: spectrum.centroided,
    },
  };
}
