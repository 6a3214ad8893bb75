/**
 * The ten municipalities of the province of Groningen (since 2021) with approximate adult populations
 * and a few areas each. Populations drive both the sampling and the post-stratification weight.
 * `quakeZone` marks the gas-extraction area where worries about earthquake damage run high.
 */
export interface Municipality {
  code: number;
  name: string;
  adults: number;
  quakeZone: boolean;
  areas: string[];
}

export const MUNICIPALITIES: Municipality[] = [
  { code: 1, name: 'Eemsdelta', adults: 37000, quakeZone: true, areas: ['Appingedam', 'Delfzijl', 'Loppersum', 'Ten Boer-Oost'] },
  { code: 2, name: 'Groningen', adults: 205000, quakeZone: false, areas: ['Centrum', 'Oude Wijken', 'Zuid', 'Oost', 'West', 'Haren', 'Ten Boer'] },
  { code: 3, name: 'Het Hogeland', adults: 39000, quakeZone: true, areas: ['Bedum', 'De Marne', 'Eemsmond', 'Winsum'] },
  { code: 4, name: 'Midden-Groningen', adults: 50000, quakeZone: true, areas: ['Hoogezand', 'Sappemeer', 'Slochteren', 'Menterwolde'] },
  { code: 5, name: 'Oldambt', adults: 32000, quakeZone: false, areas: ['Winschoten', 'Scheemda', 'Reiderland'] },
  { code: 6, name: 'Pekela', adults: 10000, quakeZone: false, areas: ['Oude Pekela', 'Nieuwe Pekela'] },
  { code: 7, name: 'Stadskanaal', adults: 26000, quakeZone: false, areas: ['Stadskanaal-Noord', 'Stadskanaal-Zuid', 'Musselkanaal'] },
  { code: 8, name: 'Veendam', adults: 23000, quakeZone: false, areas: ['Veendam-Centrum', 'Wildervank', 'Ommelanderwijk'] },
  { code: 9, name: 'Westerkwartier', adults: 50000, quakeZone: false, areas: ['Leek', 'Zuidhorn', 'Marum', 'Grootegast'] },
  { code: 10, name: 'Westerwolde', adults: 21000, quakeZone: false, areas: ['Ter Apel', 'Vlagtwedde', 'Bellingwedde'] },
];

/** Age bands used for sampling and weighting (not published as a variable: researchers recode age themselves). */
export const AGE_BANDS: { lo: number; hi: number; popShare: number; responseRate: number }[] = [
  { lo: 18, hi: 34, popShare: 0.3, responseRate: 0.45 },
  { lo: 35, hi: 49, popShare: 0.22, responseRate: 0.8 },
  { lo: 50, hi: 64, popShare: 0.25, responseRate: 1.15 },
  { lo: 65, hi: 92, popShare: 0.23, responseRate: 1.35 },
];
