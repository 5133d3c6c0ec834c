import { z } from 'zod';
import { BAND_IDS } from '../../core/model';

// Ranges that bound what the engine allocates per site: a footprint is a disc of maxRangeM (COST-231 Hata, the
// longest-reaching model, is valid to 20 km).
const rangeM = z.number().positive().max(20_000);

/**
 * What a project's settings must be for the project file to open: the reader (readProjectGpkg) checks a file's
 * settings with it, and the settings screen checks an edit with it, so what one saves the other reopens.
 * Sections other modules own (scoring, costs, fibre) are checked by those modules' resolvers.
 */
export const projectSettingsSchema = z.looseObject({
  radio: z.looseObject({
    band: z.enum(BAND_IDS), loadFactor: z.number().min(0).max(1), ueHeightM: z.number().positive().max(100), locationProbability: z.number().gt(0).lt(1).optional(),
    maxRangeM: z.object({ macro: rangeM, micro: rangeM, indoor: rangeM }),
  }),
  householdSize: z.number().positive().max(100),
});
