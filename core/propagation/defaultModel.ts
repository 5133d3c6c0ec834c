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
    "offsetDb": 32.4147,
    "distanceDbPerDecade": 26.9409,
    "heightDbPerDecade": 5.83,
    "distanceHeightDb": -6.55,
    "farDistanceDbPerDecade": 28.4779,
    "terrainDiffraction": 1,
    "clutterDiffraction": 0.182,
    "horizontalPattern": 0.5,
    "verticalPattern": 0.0353,
    "frontBackDb": 0,
    "verticalSlopeDbPerDeg": 0.1347
  },
  "clutterCorrectionDb": {
    "unknown": 0,
    "water": 0,
    "open": 0,
    "forest": 0,
    "rural": 0,
    "suburban": -2.6804,
    "urban": -11.5126,
    "denseUrban": -12.8481
  },
  "form": {
    "frequencyDbPerDecade": 20,
    "farKneeM": 1000,
    "clutterRadiusM": 50,
    "patternFloorDb": 30
  },
  "sigmaDb": 12.1856,
  "fit": {
    "fittedOn": "2019 Huawei contest cells, 2.6 GHz (40 cells, 130859 points; fit within 1.5 km)",
    "cells": 40,
    "points": 114997,
    "method": "5-fold cross-validation by site or cell, held out, points within 1500 m of their site",
    "heldOut": {
      "count": 114997,
      "rmseDb": 12.1869,
      "meanErrorDb": 0.1798,
      "sigmaDb": 12.1856,
      "pcrr": 0.2371,
      "weakThresholdDbm": -103
    },
    "before": {
      "count": 114997,
      "rmseDb": 26.7416,
      "meanErrorDb": -16.4455,
      "sigmaDb": 21.087,
      "pcrr": 0.2896,
      "weakThresholdDbm": -103
    },
    "atIso": "2026-12-07T06:25:53.577Z",
    "command": "npx tsx scripts/fitDefaultModel.ts ../shared/data/radio/huawei2019-calibration"
  }
};
