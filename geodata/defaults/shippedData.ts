/**
 * The two public data sets shipped with the app as every new county's defaults (geodata/defaults/*.tif), with
 * the attribution their licences ask for, in the words the app and the README show.
 */
export interface ShippedDataSet {
  /** file name under geodata/defaults */
  fileName: string;
  /** short name for labels */
  name: string;
  resolution: string;
  licence: string;
  /** full citation, as the data set's authors ask it */
  citation: string;
  /** how the copy shipped here was made */
  copyNote: string;
  /** one line for the map's attribution control */
  attributionZh: string;
  attributionEn: string;
}

export const SHIPPED_POPULATION: ShippedDataSet = {
  fileName: 'gpw_v4_11_popdensity_2020_guizhou_1km.tif',
  name: 'GPW v4.11 2020',
  resolution: '30 arc-seconds (about 1 km)',
  licence: 'CC BY 4.0',
  citation:
    'Center for International Earth Science Information Network - CIESIN - Columbia University. 2018. Gridded Population of ' +
    'the World, Version 4 (GPWv4): Population Density, Revision 11. Palisades, NY: NASA Socioeconomic Data and Applications ' +
    'Center (SEDAC). https://doi.org/10.7927/H49C6VHW',
  copyNote:
    'Guizhou cut (103.4-109.8E, 24.4-29.4N) decoded from the lossless tiles of github.com/kevinstadler/gpw-v4.11, which keep ' +
    'densities only below 4,096 persons/km2: dense city cores are unreliable in this copy',
  attributionZh: '人口分布：GPW v4.11 2020（CIESIN，哥伦比亚大学，CC BY 4.0），按2020年第七次人口普查县人口总数校准',
  attributionEn: 'Population: GPW v4.11 2020 (CIESIN, Columbia University, CC BY 4.0), scaled to the 2020 census county totals',
};

export const SHIPPED_TERRAIN: ShippedDataSet = {
  fileName: 'guizhou_srtm30plus_2km.tif',
  name: 'SRTM30_PLUS',
  resolution: '0.02 degree (about 2 km)',
  licence: 'free to use with citation',
  citation:
    'Becker, J. J., D. T. Sandwell, W. H. F. Smith, et al. (2009), Global Bathymetry and Elevation Data at 30 Arc Seconds ' +
    'Resolution: SRTM30_PLUS, Marine Geodesy, 32:4, 355-371',
  copyNote:
    'Guizhou cut (101.25-112.5E, 21.95-31.95N) of the zoom-6 tiles of github.com/jaanga/terrain-srtm30-plus-data-tms-1-7, ' +
    're-georeferenced at 0.02 degree, Int16 metres',
  attributionZh: '地形：SRTM30_PLUS（Becker 等，2009），约2公里分辨率，较粗',
  attributionEn: 'Terrain: SRTM30_PLUS (Becker et al. 2009), about 2 km, coarse',
};

/** The shipped GPW tiles' density limit, persons/km2 (SHIPPED_POPULATION.copyNote). */
export const SHIPPED_POPULATION_DENSITY_CAP_PER_KM2 = 4096;
