import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`bookings_status_idx\`;`)
  await db.run(sql`DROP INDEX \`bookings_phone_idx\`;`)
  await db.run(sql`DROP INDEX \`rate_limits_window_start_idx\`;`)
  await db.run(sql`DROP INDEX \`rate_limits_updated_at_idx\`;`)
  await db.run(sql`DROP INDEX \`rate_limits_created_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`rate_limits\` DROP COLUMN \`updated_at\`;`)
  await db.run(sql`ALTER TABLE \`rate_limits\` DROP COLUMN \`created_at\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`rate_limits\` ADD \`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL;`)
  await db.run(sql`ALTER TABLE \`rate_limits\` ADD \`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL;`)
  await db.run(sql`CREATE INDEX \`rate_limits_window_start_idx\` ON \`rate_limits\` (\`window_start\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_updated_at_idx\` ON \`rate_limits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_created_at_idx\` ON \`rate_limits\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`bookings_status_idx\` ON \`bookings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`bookings_phone_idx\` ON \`bookings\` (\`phone\`);`)
}
