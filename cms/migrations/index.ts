import * as migration_20261123_164650_initial from './20261123_164650_initial';
import * as migration_20261123_172143_booking from './20261123_172143_booking';
import * as migration_20261123_180945_site_build from './20261123_180945_site_build';
import * as migration_20261123_200414_lean_booking_writes from './20261123_200414_lean_booking_writes';
import * as migration_20261205_233905_drop_autosave from './20261205_233905_drop_autosave';
import * as migration_20261205_235132_auth_throttles from './20261205_235132_auth_throttles';
import * as migration_20261206_033933_plan_2026 from './20261206_033933_plan_2026';
import * as migration_20261206_172409_holiday_household_told from './20261206_172409_holiday_household_told';
import * as migration_20261206_173316_offer_expiry_setting from './20261206_173316_offer_expiry_setting';

export const migrations = [
  {
    up: migration_20261123_164650_initial.up,
    down: migration_20261123_164650_initial.down,
    name: '20261123_164650_initial',
  },
  {
    up: migration_20261123_172143_booking.up,
    down: migration_20261123_172143_booking.down,
    name: '20261123_172143_booking',
  },
  {
    up: migration_20261123_180945_site_build.up,
    down: migration_20261123_180945_site_build.down,
    name: '20261123_180945_site_build',
  },
  {
    up: migration_20261123_200414_lean_booking_writes.up,
    down: migration_20261123_200414_lean_booking_writes.down,
    name: '20261123_200414_lean_booking_writes',
  },
  {
    up: migration_20261205_233905_drop_autosave.up,
    down: migration_20261205_233905_drop_autosave.down,
    name: '20261205_233905_drop_autosave',
  },
  {
    up: migration_20261205_235132_auth_throttles.up,
    down: migration_20261205_235132_auth_throttles.down,
    name: '20261205_235132_auth_throttles',
  },
  {
    up: migration_20261206_033933_plan_2026.up,
    down: migration_20261206_033933_plan_2026.down,
    name: '20261206_033933_plan_2026',
  },
  {
    up: migration_20261206_172409_holiday_household_told.up,
    down: migration_20261206_172409_holiday_household_told.down,
    name: '20261206_172409_holiday_household_told',
  },
  {
    up: migration_20261206_173316_offer_expiry_setting.up,
    down: migration_20261206_173316_offer_expiry_setting.down,
    name: '20261206_173316_offer_expiry_setting'
  },
];
