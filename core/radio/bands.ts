/**
 * NR band presets for the link budget. Values from ../shared/reference/radio.md §5, cited through the source
 * registry; provenance marked isEstimate are planning assumptions, not measurements.
 */
import type { BandId } from '../model/site';
import { cite, figure, type FigureProvenance } from '../sources/registry';

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
  /** where each group of values comes from: spectrum, numerology, equipment, noise, ue, duplex */
  source: Record<'spectrum' | 'numerology' | 'equipment' | 'noise' | 'ue' | 'duplex', FigureProvenance>;
}

const SRC_NOISE = figure([cite('tr36942', { zh: '表12.2：终端噪声系数9 dB', en: 'Table 12.2: UE noise figure 9 dB' })]);
const SRC_UE = figure([cite('ts38101', { zh: '功率等级3：23 dBm', en: 'power class 3: 23 dBm' })], {
  isEstimate: true, note: { zh: '终端天线增益0 dBi为本工具取值', en: 'UE antenna gain 0 dBi chosen for the tool' },
});
const SRC_64T = figure([cite('aauSpecs')], {
  isEstimate: true, note: { zh: '64T64R 总功率约200 W（53 dBm），阵列增益24-27 dBi，取24 dBi', en: '64T64R about 200 W (53 dBm) total, array gain 24-27 dBi; 24 dBi taken' },
});
const SRC_TDD = figure([cite('toolEstimate')], { isEstimate: true, note: { zh: 'TDD 7:3 帧结构，下行占比0.7', en: 'TDD 7:3 frame, downlink share 0.7' } });
const NUMEROLOGY_273 = figure([cite('ts38101', { zh: '100 MHz、30 kHz 子载波间隔对应273个资源块', en: '100 MHz at 30 kHz SCS = 273 PRB' })]);
const spectrum = (zh: string, en: string) => figure([cite('operatorSpectrum', { zh, en })]);

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
      spectrum: spectrum('n78 3400-3600 MHz 电信联通共享，载波中心3500 MHz', 'n78 3400-3600 MHz shared by China Telecom and Unicom, carrier centred 3500 MHz'),
      numerology: NUMEROLOGY_273,
      equipment: SRC_64T, noise: SRC_NOISE, ue: SRC_UE, duplex: SRC_TDD,
    },
  },
  n41: {
    id: 'n41', freqMhz: 2565, bandwidthMhz: 100, scsKhz: 30, prbCount: 273, duplex: 'TDD', dlDutyFraction: 0.7,
    txPowerDbm: 53, antennaGainDbi: 24, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: spectrum('中国移动 n41 2515-2615 MHz 用于5G，中心2565 MHz', 'China Mobile n41 2515-2615 MHz for 5G, centre 2565 MHz'),
      numerology: NUMEROLOGY_273,
      equipment: { ...SRC_64T, note: { zh: '假定2.6 GHz 使用同类有源天线', en: 'the same AAU class assumed at 2.6 GHz' } }, noise: SRC_NOISE, ue: SRC_UE, duplex: SRC_TDD,
    },
  },
  n28: {
    id: 'n28', freqMhz: 773, bandwidthMhz: 30, scsKhz: 15, prbCount: 160, duplex: 'FDD', dlDutyFraction: 1,
    txPowerDbm: 52, antennaGainDbi: 17, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: spectrum('中国广电 n28 下行 758-788 MHz（2×30 MHz FDD），中心773 MHz', 'China Broadnet n28 DL 758-788 MHz (2x30 MHz FDD), centre 773 MHz'),
      numerology: figure([cite('ts38101', { zh: '表5.3.2-1：30 MHz、15 kHz 对应160个资源块', en: 'Table 5.3.2-1: 30 MHz at 15 kHz SCS = 160 PRB' })]),
      equipment: figure([cite('toolEstimate')], { isEstimate: true, note: { zh: '4T4R 宏站 4×40 W（52 dBm）、17 dBi 板状天线，典型值', en: '4T4R macro, 4 x 40 W = 52 dBm and a 17 dBi panel: typical values' } }),
      noise: SRC_NOISE, ue: SRC_UE, duplex: figure([cite('operatorSpectrum')], { note: { zh: 'FDD：下行全时', en: 'FDD: downlink all the time' } }),
    },
  },
  n79: {
    id: 'n79', freqMhz: 4850, bandwidthMhz: 100, scsKhz: 30, prbCount: 273, duplex: 'TDD', dlDutyFraction: 0.7,
    txPowerDbm: 53, antennaGainDbi: 24, ueNoiseFigureDb: 9, ueAntennaGainDbi: 0, ueTxPowerDbm: 23,
    source: {
      spectrum: spectrum('中国移动 n79 4800-4900 MHz，中心4850 MHz', 'China Mobile n79 4800-4900 MHz, centre 4850 MHz'),
      numerology: NUMEROLOGY_273,
      equipment: { ...SRC_64T, note: { zh: '假定4.9 GHz 使用同类有源天线', en: 'the same AAU class assumed at 4.9 GHz' } }, noise: SRC_NOISE, ue: SRC_UE, duplex: SRC_TDD,
    },
  },
};
