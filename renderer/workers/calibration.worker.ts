// Calibration web worker: reads and matches drive tests and fits the propagation model off the UI thread
// (core/calibration through renderer/calibration/calibrationJobs.ts).
import * as Comlink from 'comlink';
import { createCalibrationWorkerApi } from './calibrationWorkerApi';

Comlink.expose(createCalibrationWorkerApi());
