import type { PropagationModel } from './propagationModel';

/**
 * The default propagation model of new projects, fitted on the 40 measured LTE cells of the 2019 Huawei contest
 * data (../shared/data/radio/huawei2019-calibration, 2.6 GHz; the data are not shipped, only these parameters).
 * How: core/calibration/defaultModelFit.ts (DEFAULT_MODEL_FIT: what is fitted, what stays at the reference and
 * why), reproduced by `fit.command`; test/core/propagation/defaultModel.test.ts re-fits and compares when
 * ../shared/data exists. Other bands add the model's frequency term (20 dB per decade of f) and the ITU-R P.2108
 * clutter references at their frequency. Held-out scores (5-fold by cell) in `fit.heldOut`.
 * Written by scripts/fitDefaultModel.ts; do not edit by hand.
 */
export const DEFAULT_PROPAGATION_MODEL: PropagationModel = {
  "format": "qcplan-propagation-model",
  "version": 1,
  "name": "默认模型 (2019 实测 40 小区拟合)",
  "kind": "default",
  "kFactors": {
    "offsetDb": 31.7408,
    "distanceDbPerDecade": 20.4779,
    "heightDbPerDecade": 0,
    "distanceHeightDb": 0,
    "farDistanceDbPerDecade": 28.4779,
    "terrainDiffraction": 1,
    "clutterDiffraction": 0.1769,
    "horizontalPattern": 0.5,
    "verticalPattern": 0,
    "frontBackDb": 0,
    "verticalSlopeDbPerDeg": 0.1248
  },
  "clutterCorrectionDb": {
    "unknown": 0,
    "water": 0,
    "open": 0,
    "forest": -5.8593,
    "rural": 0,
    "suburban": -0.0276,
    "urban": -8.0572,
    "denseUrban": -9.4382
  },
  "form": {
    "frequencyDbPerDecade": 20,
    "farKneeM": 1000,
    "clutterRadiusM": 50,
    "patternFloorDb": 30
  },
  "sigmaDb": 10.9617,
  "fit": {
    "fittedOn": "2019 Huawei contest cells, 2.6 GHz (40 cells, 130859 points; fit within 1.5 km)",
    "cells": 40,
    "points": 114997,
    "method": "5-fold cross-validation by site or cell, held out, points within 1500 m of their site",
    "heldOut": {
      "count": 114997,
      "rmseDb": 10.9635,
      "meanErrorDb": 0.2017,
      "sigmaDb": 10.9617,
      "pcrr": 0.2385,
      "weakThresholdDbm": -103
    },
    "before": {
      "count": 114997,
      "rmseDb": 35.5044,
      "meanErrorDb": -29.2432,
      "sigmaDb": 20.1346,
      "pcrr": 0.2634,
      "weakThresholdDbm": -103
    },
    "atIso": "2026-12-07T12:22:03.053Z",
    "command": "npx tsx scripts/fitDefaultModel.ts ../shared/data/radio/huawei2019-calibration"
  }
};
