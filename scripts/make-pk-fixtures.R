#!/usr/bin/env Rscript
# Independent reference for src/core/pk: R deSolve (lsoda) solving the Gupta 2017 ixazomib model's
# ODEs for the typical subject, 4 mg on days 1, 8 and 15 of 28-day cycles, 2 cycles.
# Written in plain R from ../shared/reference/ixazomib-pk-pd.md, sharing no code with Ixalab.
# Run: Rscript scripts/make-pk-fixtures.R > src/core/pk/fixtures/desolve-gupta2017.json
suppressPackageStartupMessages(library(deSolve))

p <- c(ka = 0.34, CL = 1.86, V2 = 13.7, Q3 = 5.18, V3 = 309, Q4 = 26.1, V4 = 205, F = 0.58, tlag = 13 / 60)
dose_mg <- 4
dose_times <- as.vector(outer(c(1, 8, 15) - 1, (0:1) * 28, "+")) * 24
rtol <- 1e-12
atol <- 1e-14

model <- function(t, a, p) {
  with(as.list(c(a, p)), {
    dDepot <- -ka * Depot
    dCentral <- ka * Depot - (CL + Q3 + Q4) / V2 * Central + Q3 / V3 * P1 + Q4 / V4 * P2
    dP1 <- Q3 / V2 * Central - Q3 / V3 * P1
    dP2 <- Q4 / V2 * Central - Q4 / V4 * P2
    list(c(dDepot, dCentral, dP1, dP2))
  })
}

# Lagged, bioavailable doses enter the depot.
events <- data.frame(var = "Depot", time = dose_times + p[["tlag"]], value = p[["F"]] * dose_mg, method = "add")
obs_times <- sort(unique(c(0.1, 0.5, 1, 1.28, 2, 4, 8, 12, 24, 48, 72, 120, 167.5,
                           168.5, 170, 200, 336.25, 340, 400, 500, 600, 671,
                           672.3, 673.3, 700, 840.5, 842, 900, 1008.2, 1010, 1100, 1200, 1343)))
grid <- sort(unique(c(0, obs_times, events$time)))
out <- lsoda(y = c(Depot = 0, Central = 0, P1 = 0, P2 = 0), times = grid, func = model, parms = p,
             events = list(data = events), rtol = rtol, atol = atol, maxsteps = 1e6)
keep <- match(obs_times, out[, "time"])
conc <- 1000 * out[keep, "Central"] / p[["V2"]]

fmt <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
cat("{\n")
cat('  "generator": "scripts/make-pk-fixtures.R",\n')
cat(sprintf('  "software": "R %s, deSolve %s, lsoda",\n', getRversion(), packageVersion("deSolve")))
cat(sprintf('  "rtol": %g,\n  "atol_mg": %g,\n', rtol, atol))
cat('  "model": "ixazomib-gupta2017",\n')
cat('  "regimen": { "doseMg": 4, "days": [1, 8, 15], "cycleDays": 28, "cycles": 2, "cmt": 1 },\n')
cat(sprintf('  "times_h": [%s],\n', fmt(obs_times)))
cat(sprintf('  "conc_ng_mL": [%s]\n', fmt(conc)))
cat("}\n")
