/**
 * Virtual populations: seeded sampling of correlated log-normal inter-individual variability
 * (η ~ N(0, Ω), P = θ·exp(η)), individual parameters from a table, and population simulation with
 * per-subject exposure (exact AUC per window, Cmax and Tmax on the grid) and concentration percentiles
 * over time in bounded memory (mergeable histograms, so chunks of subjects can run on worker threads).
 * @module
 */
export { choleskyLower } from "./choleskyLower.js";
export {
  addProfiles,
  type ConcentrationHistogram,
  createConcentrationHistogram,
  HISTOGRAM_DEFAULTS,
  type HistogramSpec,
  histogramPercentile,
  mergeHistograms,
} from "./concentrationHistogram.js";
export { createRng, type Rng } from "./createRng.js";
export { sampleEtas } from "./sampleEtas.js";
export { type SampleSubjectsOptions, sampleSubjects } from "./sampleSubjects.js";
export {
  mergePopulationChunks,
  POPULATION_DEFAULTS,
  type PopulationChunk,
  type PopulationInput,
  type PopulationResult,
  simulatePopulation,
  simulatePopulationChunk,
  summarizePopulation,
} from "./simulatePopulation.js";
export { standardNormals } from "./standardNormal.js";
export { subjectsFromTable } from "./subjectsFromTable.js";
