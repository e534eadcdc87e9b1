import * as migration_20261123_164650_initial from './20261123_164650_initial';

export const migrations = [
  {
    up: migration_20261123_164650_initial.up,
    down: migration_20261123_164650_initial.down,
    name: '20261123_164650_initial'
  },
];
