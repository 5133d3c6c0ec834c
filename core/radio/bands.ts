/**
 * NR band presets for the link budget. Values from ../shared/reference/radio.md §5; items marked [EST] there
 * (or here) are planning assumptions, not measurements.
 */
import type { BandId } from '../model/site';

/** One band's link-budget defaults. */
export interface BandPreset {
  id: BandId;
  /** carrier centre frequency, MHz */
  freqMhz: number;
  /** channel bandwidth, MHz */
  bandwidthMhz: number;
  /** subcarrier spacing, kHz */
  scsKhz: number;
  /** transmission bandwidth, PRB */
  prbCount: number;
  duplex: 'TDD' | 'FDD';
  /** share of time used for downlink (TDD frame split), 0..1 */
  dlDutyFraction: number;
  /** macro total conducted transmit power per sector, dBm */
  txPowerDbm: number;
  /** macro sector antenna gain, dBi */
  antennaGainDbi: number;
  /** UE receiver noise figure, dB */
  ueNoiseFigureDb: number;
  /** UE antenna gain, dBi */
  ueAntennaGainDbi: number;
  /** UE maximum transmit power, dBm */
  ueTxPowerDbm: number;
  /** where each value comes from */
  source: Record<string, string>;
}

const SRC_NOISE = 'UE NF 9 dB: TR 36.942 Table 12.2 (radio.md §5.3)';
const SRC_UE = 'UE power class 3 = 23 dBm, TS 38.101 (radio.md §5.3); UE antenna gain 0 dBi [EST]';
const SRC_64T = '64T64R AAU ~200 W = 53 dBm total, array gain 24-27 dBi: telecomhall / rfessentials (radio.md §5.3); 24 dBi chosen [EST]';
const SRC_TDD = 'TDD DL share 0.7 for a 7:3 frame (radio.md §7) [EST]';

/**
 * Band presets: n78 3.5 GHz 100 MHz / 273 PRB (China Telecom/Unicom), n41 2.6 GHz 100 MHz (China Mobile),
 * n28 700 MHz 30 MHz FDD / 160 PRB at 15 kHz (China Broadnet + Mobile), n79 4.9 GHz 100 MHz (China Mobile).
 * Source: radio.md §5.1-5.3 (per-field `source`).
 * @example BAND_PRESETS.n78.prbCount // 273
 */
export const BAND_PRESETS: Record<BandId, BandPreset> = {
  n78: {
    id: 'n78', freqMhz: 3500, bandwidthMhz: 100, scsKhz: 30, prbCount: 273, duplex: 'TDD', dlDutyFraction: 0.7,
    txPowerDbm: 53, antennaGainDbi: 24, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: 'n78 3400-3600 MHz shared CT/CU, 100 MHz carrier centred 3500 MHz (radio.md §5.1)',
      numerology: '100 MHz at 30 kHz SCS = 273 PRB (radio.md §5.2)',
      equipment: SRC_64T, noise: SRC_NOISE, ue: SRC_UE, duplex: SRC_TDD,
    },
  },
  n41: {
    id: 'n41', freqMhz: 2565, bandwidthMhz: 100, scsKhz: 30, prbCount: 273, duplex: 'TDD', dlDutyFraction: 0.7,
    txPowerDbm: 53, antennaGainDbi: 24, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: 'China Mobile n41 2515-2615 MHz for 5G, centre 2565 MHz (radio.md §5.1)',
      numerology: '100 MHz at 30 kHz SCS = 273 PRB (radio.md §5.2)',
      equipment: `${SRC_64T}; same AAU class assumed at 2.6 GHz [EST]`, noise: SRC_NOISE, ue: SRC_UE, duplex: SRC_TDD,
    },
  },
  n28: {
    id: 'n28', freqMhz: 773, bandwidthMhz: 30, scsKhz: 15, prbCount: 160, duplex: 'FDD', dlDutyFraction: 1,
    txPowerDbm: 52, antennaGainDbi: 17, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: 'China Broadnet n28 DL 758-788 MHz (2x30 MHz FDD), centre 773 MHz (radio.md §5.1)',
      numerology: '30 MHz at 15 kHz SCS = 160 PRB, TS 38.101-1 Table 5.3.2-1 (radio.md §5.2)',
      equipment: '4T4R macro, 4 x 40 W = 52 dBm and 17 dBi panel [EST: typical values, not from a cited source]',
      noise: SRC_NOISE, ue: SRC_UE, duplex: 'FDD: downlink all the time',
    },
  },
  n79: {
    id: 'n79', freqMhz: 4850, bandwidthMhz: 100, scsKhz: 30, prbCount: 273, duplex: 'TDD', dlDutyFraction: 0.7,
    txPowerDbm: 53, antennaGainDbi: 24, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: 'China Mobile n79 4800-4900 MHz, centre 4850 MHz (radio.md §5.1)',
      numerology: '100 MHz at 30 kHz SCS = 273 PRB (radio.md §5.2)',
      equipment: `${SRC_64T}; same AAU class assumed at 4.9 GHz [EST]`, noise: SRC_NOISE, ue: SRC_UE, duplex: SRC_TDD,
    },
  },
};
