#!/usr/bin/env Rscript
# Independent reference for src/core/pk/platelets.ts: R deSolve (lsoda) solving the Srimani 2022
# platelet model (Table 3; nlmixr2lib Srimani_2022_ixazomib_platelets) driven by the Gupta 2017
# typical subject: ixazomib 4 mg days 1, 8, 15 and lenalidomide 25 mg days 1-21 of 28-day cycles,
# 2 cycles. Plain R, sharing no code with Ixalab.
# Run: Rscript scripts/make-platelet-fixtures.R > src/core/pk/fixtures/desolve-srimani2022.json
suppressPackageStartupMessages(library(deSolve))

p <- c(ka = 0.34, CL = 1.86, V2 = 13.7, Q3 = 5.18, V3 = 309, Q4 = 26.1, V4 = 205, F = 0.58, tlag = 13 / 60,
       kprp = exp(-3.20), kin = exp(-3.21), bl = 203, slp_ixa = 0.000859, k_ixa = 0.0000818,
       kel = 0.0483, slp_len = 0.0134)
rtol <- 1e-11
atol <- 1e-13

model <- function(t, a, p) {
  with(as.list(c(a, p)), {
    Cc <- 1000 * Central / V2
    e <- slp_ixa * (Cc + k_ixa * AUC) + slp_len * kel * KPD
    list(c(
      -ka * Depot,
      ka * Depot - (CL + Q3 + Q4) / V2 * Central + Q3 / V3 * P1 + Q4 / V4 * P2,
      Q3 / V2 * Central - Q3 / V3 * P1,
      Q4 / V2 * Central - Q4 / V4 * P2,
      Cc,
      -kel * KPD,
      kin - (kprp + e) * Prol,
      kprp * (Prol - T1),
      kprp * (T1 - T2),
      kprp * T2 - kin * Circ
    ))
  })
}

ixa_times <- as.vector(outer(c(1, 8, 15) - 1, (0:1) * 28, "+")) * 24 + p[["tlag"]]
len_times <- as.vector(outer((1:21) - 1, (0:1) * 28, "+")) * 24
events <- rbind(
  data.frame(var = "Depot", time = ixa_times, value = p[["F"]] * 4, method = "add"),
  data.frame(var = "KPD", time = len_times, value = 25, method = "add")
)
events <- events[order(events$time), ]
obs_times <- seq(12, 1344, by = 36)
grid <- sort(unique(c(0, obs_times, events$time)))
y0 <- c(Depot = 0, Central = 0, P1 = 0, P2 = 0, AUC = 0, KPD = 0,
        Prol = p[["kin"]] / p[["kprp"]], T1 = p[["kin"]] / p[["kprp"]], T2 = p[["kin"]] / p[["kprp"]], Circ = 1)
out <- lsoda(y = y0, times = grid, func = model, parms = p, events = list(data = events),
             rtol = rtol, atol = atol, maxsteps = 1e6)
keep <- match(obs_times, out[, "time"])
plt <- p[["bl"]] * out[keep, "Circ"]

fmt <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
cat("{\n")
cat('  "generator": "scripts/make-platelet-fixtures.R",\n')
cat(sprintf('  "software": "R %s, deSolve %s, lsoda",\n', getRversion(), packageVersion("deSolve")))
cat(sprintf('  "rtol": %g,\n  "atol": %g,\n', rtol, atol))
cat('  "regimen": { "ixazomibMg": 4, "days": [1, 8, 15], "lenalidomideMg": 25, "lenalidomideDays": "1-21", "cycleDays": 28, "cycles": 2 },\n')
cat(sprintf('  "times_h": [%s],\n', fmt(obs_times)))
cat(sprintf('  "platelets_1e9_per_L": [%s]\n', fmt(plt)))
cat("}\n")
