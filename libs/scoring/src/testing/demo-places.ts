import type { FundingStage, RevenueBand } from '../lead-input-schema';

/** A city demo leads can live in. */
export interface DemoCity {
  city: string;
  country: string;
  timezone: string;
  /** E.164 prefix plus the digits a local mobile number starts with. */
  mobilePrefix: string;
  /** Digits after the prefix. */
  mobileDigits: number;
}

/**
 * Indian SMB hubs first (most demo leads live there), then a few abroad.
 *
 * @example
 * ```ts
 * DEMO_CITIES.find((c) => c.city === 'Surat')?.timezone; // 'Asia/Kolkata'
 * ```
 */
export const DEMO_CITIES: readonly DemoCity[] = [
  { city: 'Pune', country: 'IN', timezone: 'Asia/Kolkata', mobilePrefix: '+919', mobileDigits: 9 },
  { city: 'Bengaluru', country: 'IN', timezone: 'Asia/Kolkata', mobilePrefix: '+918', mobileDigits: 9 },
  { city: 'Surat', country: 'IN', timezone: 'Asia/Kolkata', mobilePrefix: '+919', mobileDigits: 9 },
  { city: 'Hyderabad', country: 'IN', timezone: 'Asia/Kolkata', mobilePrefix: '+917', mobileDigits: 9 },
  { city: 'Mumbai', country: 'IN', timezone: 'Asia/Kolkata', mobilePrefix: '+919', mobileDigits: 9 },
  { city: 'Delhi', country: 'IN', timezone: 'Asia/Kolkata', mobilePrefix: '+918', mobileDigits: 9 },
  { city: 'London', country: 'GB', timezone: 'Europe/London', mobilePrefix: '+447', mobileDigits: 9 },
  { city: 'Austin', country: 'US', timezone: 'America/Chicago', mobilePrefix: '+1512', mobileDigits: 7 },
  { city: 'Dubai', country: 'AE', timezone: 'Asia/Dubai', mobilePrefix: '+9715', mobileDigits: 8 },
  { city: 'Singapore', country: 'SG', timezone: 'Asia/Singapore', mobilePrefix: '+658', mobileDigits: 7 },
];

/**
 * Given names (Indian and international).
 *
 * @example
 * ```ts
 * DEMO_FIRST_NAMES.includes('Priya'); // true
 * ```
 */
export const DEMO_FIRST_NAMES = [
  'Aarav',
  'Priya',
  'Rohan',
  'Ananya',
  'Vikram',
  'Meera',
  'Karan',
  'Sneha',
  'Arjun',
  'Kavya',
  'Rahul',
  'Isha',
  'Siddharth',
  'Pooja',
  'Nikhil',
  'Fatima',
  'Imran',
  'Harpreet',
  'Oliver',
  'Amelia',
  'James',
  'Sophia',
  'Noah',
  'Emma',
  'Omar',
  'Wei',
] as const;

/**
 * Family names (Indian and international).
 *
 * @example
 * ```ts
 * DEMO_LAST_NAMES.includes('Kulkarni'); // true
 * ```
 */
export const DEMO_LAST_NAMES = [
  'Sharma',
  'Patel',
  'Iyer',
  'Reddy',
  'Desai',
  'Kulkarni',
  'Shah',
  'Mehta',
  'Nair',
  'Gupta',
  'Singh',
  'Khan',
  'Joshi',
  'Rao',
  'Agarwal',
  'Smith',
  'Brown',
  'Taylor',
  'Garcia',
  'Tan',
] as const;

/** Firmographic building blocks per industry. */
export interface DemoIndustry {
  industry: string;
  companyWords: readonly string[];
}

/**
 * Industries with words to build plausible company names.
 *
 * @example
 * ```ts
 * DEMO_INDUSTRIES.map((i) => i.industry); // ['saas', 'it services', 'logistics', …]
 * ```
 */
export const DEMO_INDUSTRIES: readonly DemoIndustry[] = [
  { industry: 'saas', companyWords: ['Cloud', 'Stack', 'Labs', 'Ops', 'Metrics'] },
  { industry: 'it services', companyWords: ['Infotech', 'Softech', 'Systems', 'Digital'] },
  { industry: 'logistics', companyWords: ['Freight', 'Cargo', 'Movers', 'Logistics'] },
  { industry: 'manufacturing', companyWords: ['Engineering', 'Industries', 'Castings', 'Polymers'] },
  { industry: 'textiles', companyWords: ['Textiles', 'Fabrics', 'Silk Mills', 'Weaves'] },
  { industry: 'retail', companyWords: ['Mart', 'Stores', 'Bazaar', 'Retail'] },
  { industry: 'real estate', companyWords: ['Realty', 'Estates', 'Developers', 'Homes'] },
  { industry: 'hospitality', companyWords: ['Cafe', 'Kitchens', 'Stays', 'Hospitality'] },
  { industry: 'education', companyWords: ['Academy', 'Classes', 'Tutors', 'Learning'] },
];

/**
 * Company name prefixes, combined with an industry word ("Shakti Textiles").
 *
 * @example
 * ```ts
 * DEMO_COMPANY_PREFIXES[0]; // 'Shakti'
 * ```
 */
export const DEMO_COMPANY_PREFIXES = [
  'Shakti',
  'Sai',
  'Vardhan',
  'Apex',
  'Nova',
  'Lotus',
  'Ganga',
  'Orbit',
  'Kaveri',
  'Zenith',
  'Bluebird',
  'Sahyadri',
] as const;

/**
 * Revenue bands and funding stages demo firms draw from, per ICP fit level.
 *
 * @example
 * ```ts
 * DEMO_FIRMOGRAPHICS.poor.revenue; // ['under_100k']
 * ```
 */
export const DEMO_FIRMOGRAPHICS = {
  good: {
    revenue: ['1m_10m', '10m_100m', '100k_1m'] as RevenueBand[],
    funding: ['seed', 'series_a', 'series_b'] as FundingStage[],
  },
  fair: {
    revenue: ['100k_1m', '1m_10m'] as RevenueBand[],
    funding: ['bootstrapped', 'pre_seed', 'seed'] as FundingStage[],
  },
  poor: { revenue: ['under_100k'] as RevenueBand[], funding: ['bootstrapped', 'public'] as FundingStage[] },
};
