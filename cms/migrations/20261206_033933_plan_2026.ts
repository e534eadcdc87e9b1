import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`lecturers_weekly_slots\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`weekday\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_weekly_slots_order_idx\` ON \`lecturers_weekly_slots\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_weekly_slots_parent_id_idx\` ON \`lecturers_weekly_slots\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturers_blocked_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_blocked_dates_order_idx\` ON \`lecturers_blocked_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_blocked_dates_parent_id_idx\` ON \`lecturers_blocked_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturer_commitments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`lecturer_id\` integer NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`ends_at\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`order_id\` integer,
  	\`session_id\` integer,
  	\`released_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`course_orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`course_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_lecturer_idx\` ON \`lecturer_commitments\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_starts_at_idx\` ON \`lecturer_commitments\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_status_idx\` ON \`lecturer_commitments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_order_idx\` ON \`lecturer_commitments\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_session_idx\` ON \`lecturer_commitments\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_updated_at_idx\` ON \`lecturer_commitments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_created_at_idx\` ON \`lecturer_commitments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`lecturer_commitments_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lecturer_commitments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturer_commitments_texts_order_parent\` ON \`lecturer_commitments_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`ratings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`course_id\` integer NOT NULL,
  	\`session_id\` integer,
  	\`lecturer_id\` integer,
  	\`order_id\` integer,
  	\`source\` text NOT NULL,
  	\`score\` numeric NOT NULL,
  	\`comment\` text,
  	\`unique_key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`course_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`course_orders\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`ratings_course_idx\` ON \`ratings\` (\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`ratings_session_idx\` ON \`ratings\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`ratings_lecturer_idx\` ON \`ratings\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`ratings_order_idx\` ON \`ratings\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`ratings_source_idx\` ON \`ratings\` (\`source\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`ratings_unique_key_idx\` ON \`ratings\` (\`unique_key\`);`)
  await db.run(sql`CREATE INDEX \`ratings_updated_at_idx\` ON \`ratings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ratings_created_at_idx\` ON \`ratings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`course_orders_audience\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`course_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`course_orders_audience_order_idx\` ON \`course_orders_audience\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_audience_parent_idx\` ON \`course_orders_audience\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`course_orders_windows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`course_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`course_orders_windows_order_idx\` ON \`course_orders_windows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_windows_parent_id_idx\` ON \`course_orders_windows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`course_orders\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`state\` text DEFAULT 'submitted' NOT NULL,
  	\`state_version\` numeric DEFAULT 0,
  	\`idempotency_key\` text,
  	\`first_response_due_at\` text,
  	\`first_responded_at\` text,
  	\`course_id\` integer NOT NULL,
  	\`organisation_type\` text NOT NULL,
  	\`organisation_name\` text NOT NULL,
  	\`street\` text NOT NULL,
  	\`community_id\` integer NOT NULL,
  	\`headcount\` numeric NOT NULL,
  	\`format\` text NOT NULL,
  	\`interaction_mode_id\` integer NOT NULL,
  	\`venue_address\` text,
  	\`contact_name\` text NOT NULL,
  	\`contact_phone\` text NOT NULL,
  	\`notes\` text,
  	\`consent_policy_version\` text,
  	\`consent_at\` text,
  	\`refusal_reason\` text,
  	\`cancel_reason\` text,
  	\`cancelled_by\` text,
  	\`offer_lecturer_id\` integer,
  	\`offer_status\` text,
  	\`offer_starts_at\` text,
  	\`offer_ends_at\` text,
  	\`offer_sent_at\` text,
  	\`offer_expires_at\` text,
  	\`offer_place\` text,
  	\`offer_decline_reason\` text,
  	\`offer_nonce\` text,
  	\`offer_commitment_id\` integer,
  	\`offer_sent_by_id\` integer,
  	\`lecturer_id\` integer,
  	\`session_id\` integer,
  	\`visibility\` text DEFAULT 'invitation',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`interaction_mode_id\`) REFERENCES \`interaction_modes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`offer_lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`offer_commitment_id\`) REFERENCES \`lecturer_commitments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`offer_sent_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`course_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`course_orders_code_idx\` ON \`course_orders\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_state_idx\` ON \`course_orders\` (\`state\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`course_orders_idempotency_key_idx\` ON \`course_orders\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_course_idx\` ON \`course_orders\` (\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_street_idx\` ON \`course_orders\` (\`street\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_community_idx\` ON \`course_orders\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_interaction_mode_idx\` ON \`course_orders\` (\`interaction_mode_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_offer_offer_lecturer_idx\` ON \`course_orders\` (\`offer_lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_offer_offer_commitment_idx\` ON \`course_orders\` (\`offer_commitment_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_offer_offer_sent_by_idx\` ON \`course_orders\` (\`offer_sent_by_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_lecturer_idx\` ON \`course_orders\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_session_idx\` ON \`course_orders\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_updated_at_idx\` ON \`course_orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`course_orders_created_at_idx\` ON \`course_orders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`order_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order_id\` integer NOT NULL,
  	\`at\` text NOT NULL,
  	\`from_state\` text,
  	\`to_state\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`actor_kind\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_name\` text,
  	\`reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`course_orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`order_events_order_idx\` ON \`order_events\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`order_events_actor_idx\` ON \`order_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`order_events_updated_at_idx\` ON \`order_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`order_events_created_at_idx\` ON \`order_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`communities\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`street\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_street_idx\` ON \`communities\` (\`street\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`communities_code_idx\` ON \`communities\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`communities_updated_at_idx\` ON \`communities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`communities_created_at_idx\` ON \`communities\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`interaction_modes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`interaction_modes_name_idx\` ON \`interaction_modes\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`interaction_modes_updated_at_idx\` ON \`interaction_modes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`interaction_modes_created_at_idx\` ON \`interaction_modes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`demand_signals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`course_id\` integer NOT NULL,
  	\`street\` text NOT NULL,
  	\`community_id\` integer NOT NULL,
  	\`phone_hash\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`demand_signals_course_idx\` ON \`demand_signals\` (\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`demand_signals_community_idx\` ON \`demand_signals\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`demand_signals_updated_at_idx\` ON \`demand_signals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`demand_signals_created_at_idx\` ON \`demand_signals\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`course_phoneHash_idx\` ON \`demand_signals\` (\`course_id\`,\`phone_hash\`);`)
  await db.run(sql`CREATE TABLE \`holiday_programmes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`season\` text,
  	\`year\` numeric,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holiday_programmes_slug_idx\` ON \`holiday_programmes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`holiday_programmes_cover_idx\` ON \`holiday_programmes\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_programmes_updated_at_idx\` ON \`holiday_programmes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holiday_programmes_created_at_idx\` ON \`holiday_programmes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`holiday_programmes__status_idx\` ON \`holiday_programmes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_holiday_programmes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_season\` text,
  	\`version_year\` numeric,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`holiday_programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_parent_idx\` ON \`_holiday_programmes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_version_version_slug_idx\` ON \`_holiday_programmes_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_version_version_cover_idx\` ON \`_holiday_programmes_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_version_version_updated_at_idx\` ON \`_holiday_programmes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_version_version_created_at_idx\` ON \`_holiday_programmes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_version_version__status_idx\` ON \`_holiday_programmes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_created_at_idx\` ON \`_holiday_programmes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_updated_at_idx\` ON \`_holiday_programmes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_holiday_programmes_v_latest_idx\` ON \`_holiday_programmes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`holiday_waves\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`programme_id\` integer NOT NULL,
  	\`name\` text NOT NULL,
  	\`opens_at\` text NOT NULL,
  	\`opensat_tz\` text DEFAULT 'Asia/Shanghai' NOT NULL,
  	\`closes_at\` text,
  	\`closesat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`per_child_cap\` numeric DEFAULT 2 NOT NULL,
  	\`cancellation_hours_before\` numeric DEFAULT 24,
  	\`allocation\` text DEFAULT 'fcfs' NOT NULL,
  	\`lottery_entry_opens_at\` text,
  	\`lotteryentryopensat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`lottery_entry_closes_at\` text,
  	\`lotteryentryclosesat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`lottery_draw_at\` text,
  	\`lotterydrawat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`lottery_confirm_hours\` numeric DEFAULT 24,
  	\`lottery_rounds\` numeric DEFAULT 2,
  	\`lottery_quota_percent\` numeric DEFAULT 0,
  	\`lottery_priority_limit\` numeric DEFAULT 0,
  	\`lottery_public_source\` text,
  	\`lottery_public_number\` text,
  	\`lottery_rules\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`programme_id\`) REFERENCES \`holiday_programmes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`holiday_waves_programme_idx\` ON \`holiday_waves\` (\`programme_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_waves_updated_at_idx\` ON \`holiday_waves\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holiday_waves_created_at_idx\` ON \`holiday_waves\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holiday_sessions_days\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`start_time\` text NOT NULL,
  	\`end_time\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`holiday_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`holiday_sessions_days_order_idx\` ON \`holiday_sessions_days\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_days_parent_id_idx\` ON \`holiday_sessions_days\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`holiday_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`summary\` text,
  	\`wave_id\` integer NOT NULL,
  	\`programme_id\` integer,
  	\`venue_street\` text NOT NULL,
  	\`venue_community\` text,
  	\`venue_address\` text,
  	\`grade_from\` text NOT NULL,
  	\`grade_to\` text NOT NULL,
  	\`capacity\` numeric NOT NULL,
  	\`waitlist_size\` numeric DEFAULT 0 NOT NULL,
  	\`price\` numeric DEFAULT 0,
  	\`bring\` text,
  	\`contact_name\` text,
  	\`contact_phone\` text,
  	\`cover_id\` integer,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`starts_at\` text,
  	\`ends_at\` text,
  	\`cancellation_deadline\` text,
  	\`confirmed_count\` numeric DEFAULT 0,
  	\`waitlisted_count\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`wave_id\`) REFERENCES \`holiday_waves\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`programme_id\`) REFERENCES \`holiday_programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holiday_sessions_code_idx\` ON \`holiday_sessions\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_slug_idx\` ON \`holiday_sessions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_wave_idx\` ON \`holiday_sessions\` (\`wave_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_programme_idx\` ON \`holiday_sessions\` (\`programme_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_cover_idx\` ON \`holiday_sessions\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_status_idx\` ON \`holiday_sessions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_updated_at_idx\` ON \`holiday_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holiday_sessions_created_at_idx\` ON \`holiday_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holiday_registrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`wave_id\` integer NOT NULL,
  	\`household_id\` integer,
  	\`child_id\` integer,
  	\`idempotency_key\` text,
  	\`promoted_at\` text,
  	\`cancelled_at\` text,
  	\`cancel_reason\` text,
  	\`anonymised_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`holiday_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`wave_id\`) REFERENCES \`holiday_waves\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`household_id\`) REFERENCES \`households\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`child_id\`) REFERENCES \`children\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holiday_registrations_code_idx\` ON \`holiday_registrations\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_status_idx\` ON \`holiday_registrations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_session_idx\` ON \`holiday_registrations\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_wave_idx\` ON \`holiday_registrations\` (\`wave_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_household_idx\` ON \`holiday_registrations\` (\`household_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_child_idx\` ON \`holiday_registrations\` (\`child_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`holiday_registrations_idempotency_key_idx\` ON \`holiday_registrations\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_updated_at_idx\` ON \`holiday_registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holiday_registrations_created_at_idx\` ON \`holiday_registrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holiday_attendance\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`registration_id\` integer NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`day\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`at\` text,
  	\`by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`registration_id\`) REFERENCES \`holiday_registrations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`holiday_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`holiday_attendance_registration_idx\` ON \`holiday_attendance\` (\`registration_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_attendance_session_idx\` ON \`holiday_attendance\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_attendance_day_idx\` ON \`holiday_attendance\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`holiday_attendance_by_idx\` ON \`holiday_attendance\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`holiday_attendance_updated_at_idx\` ON \`holiday_attendance\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holiday_attendance_created_at_idx\` ON \`holiday_attendance\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`lottery_entries_choices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`session_id\` integer NOT NULL,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`holiday_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lottery_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lottery_entries_choices_order_idx\` ON \`lottery_entries_choices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_choices_parent_id_idx\` ON \`lottery_entries_choices\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_choices_session_idx\` ON \`lottery_entries_choices\` (\`session_id\`);`)
  await db.run(sql`CREATE TABLE \`lottery_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`wave_id\` integer NOT NULL,
  	\`household_id\` integer NOT NULL,
  	\`child_id\` integer NOT NULL,
  	\`street\` text NOT NULL,
  	\`priority\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`wave_id\`) REFERENCES \`holiday_waves\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`household_id\`) REFERENCES \`households\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`child_id\`) REFERENCES \`children\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`lottery_entries_code_idx\` ON \`lottery_entries\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_wave_idx\` ON \`lottery_entries\` (\`wave_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_household_idx\` ON \`lottery_entries\` (\`household_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_child_idx\` ON \`lottery_entries\` (\`child_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_updated_at_idx\` ON \`lottery_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lottery_entries_created_at_idx\` ON \`lottery_entries\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`wave_child_idx\` ON \`lottery_entries\` (\`wave_id\`,\`child_id\`);`)
  await db.run(sql`CREATE TABLE \`lottery_draws\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`wave_id\` integer NOT NULL,
  	\`state\` text DEFAULT 'committed' NOT NULL,
  	\`secret\` text NOT NULL,
  	\`commitment\` text NOT NULL,
  	\`committed_at\` text NOT NULL,
  	\`input_text\` text,
  	\`input_hash\` text,
  	\`frozen_at\` text,
  	\`public_number\` text,
  	\`drawn_at\` text,
  	\`record\` text,
  	\`result\` text,
  	\`fcfs_opened_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`wave_id\`) REFERENCES \`holiday_waves\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`lottery_draws_wave_idx\` ON \`lottery_draws\` (\`wave_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_draws_updated_at_idx\` ON \`lottery_draws\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lottery_draws_created_at_idx\` ON \`lottery_draws\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`lottery_offers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`wave_id\` integer NOT NULL,
  	\`entry_id\` integer NOT NULL,
  	\`entry_code\` text NOT NULL,
  	\`household_id\` integer NOT NULL,
  	\`child_id\` integer NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`round\` numeric NOT NULL,
  	\`status\` text DEFAULT 'offered' NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`registration_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`wave_id\`) REFERENCES \`holiday_waves\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`lottery_entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`household_id\`) REFERENCES \`households\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`child_id\`) REFERENCES \`children\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`holiday_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`registration_id\`) REFERENCES \`holiday_registrations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`lottery_offers_wave_idx\` ON \`lottery_offers\` (\`wave_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`lottery_offers_entry_idx\` ON \`lottery_offers\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_household_idx\` ON \`lottery_offers\` (\`household_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_child_idx\` ON \`lottery_offers\` (\`child_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_session_idx\` ON \`lottery_offers\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_status_idx\` ON \`lottery_offers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_registration_idx\` ON \`lottery_offers\` (\`registration_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_updated_at_idx\` ON \`lottery_offers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lottery_offers_created_at_idx\` ON \`lottery_offers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`lottery_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`wave_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`once_key\` text NOT NULL,
  	\`entry_code\` text,
  	\`detail\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`wave_id\`) REFERENCES \`holiday_waves\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`lottery_events_wave_idx\` ON \`lottery_events\` (\`wave_id\`);`)
  await db.run(sql`CREATE INDEX \`lottery_events_at_idx\` ON \`lottery_events\` (\`at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`lottery_events_once_key_idx\` ON \`lottery_events\` (\`once_key\`);`)
  await db.run(sql`CREATE INDEX \`lottery_events_updated_at_idx\` ON \`lottery_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lottery_events_created_at_idx\` ON \`lottery_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`households\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`phone\` text NOT NULL,
  	\`verified_at\` text,
  	\`last_active_at\` text,
  	\`guardian_consent_policy_version\` text,
  	\`guardian_consent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`households_phone_idx\` ON \`households\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`households_last_active_at_idx\` ON \`households\` (\`last_active_at\`);`)
  await db.run(sql`CREATE INDEX \`households_updated_at_idx\` ON \`households\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`households_created_at_idx\` ON \`households\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`children\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`household_id\` integer NOT NULL,
  	\`name\` text NOT NULL,
  	\`grade\` text NOT NULL,
  	\`emergency_contact_name\` text NOT NULL,
  	\`emergency_contact_phone\` text NOT NULL,
  	\`consent_policy_version\` text NOT NULL,
  	\`consent_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`household_id\`) REFERENCES \`households\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`children_household_idx\` ON \`children\` (\`household_id\`);`)
  await db.run(sql`CREATE INDEX \`children_updated_at_idx\` ON \`children\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`children_created_at_idx\` ON \`children\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`impact_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`published\` integer DEFAULT false,
  	\`period_key\` text NOT NULL,
  	\`period_label\` text NOT NULL,
  	\`figures\` text NOT NULL,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`impact_reports_period_key_idx\` ON \`impact_reports\` (\`period_key\`);`)
  await db.run(sql`CREATE INDEX \`impact_reports_created_by_idx\` ON \`impact_reports\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`impact_reports_updated_at_idx\` ON \`impact_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`impact_reports_created_at_idx\` ON \`impact_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`impact_reports_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`impact_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`impact_reports_texts_order_parent\` ON \`impact_reports_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`page_views\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`path\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`views\` numeric DEFAULT 0 NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`page_views_day_idx\` ON \`page_views\` (\`day\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`path_day_idx\` ON \`page_views\` (\`path\`,\`day\`);`)
  await db.run(sql`CREATE TABLE \`booking_households\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`booking_id\` integer,
  	\`registration_id\` integer,
  	\`household\` text NOT NULL,
  	FOREIGN KEY (\`booking_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`registration_id\`) REFERENCES \`holiday_registrations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`booking_households_booking_idx\` ON \`booking_households\` (\`booking_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`booking_households_registration_idx\` ON \`booking_households\` (\`registration_id\`);`)
  await db.run(sql`CREATE TABLE \`users_streets\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_streets_order_idx\` ON \`users_streets\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_streets_parent_idx\` ON \`users_streets\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`verification_codes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`phone_key\` text NOT NULL,
  	\`code_hash\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`verification_codes_phone_key_idx\` ON \`verification_codes\` (\`phone_key\`);`)
  await db.run(sql`CREATE INDEX \`verification_codes_expires_at_idx\` ON \`verification_codes\` (\`expires_at\`);`)
  await db.run(sql`ALTER TABLE \`courses\` ADD \`rating_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`courses\` ADD \`rating_average\` numeric;`)
  await db.run(sql`ALTER TABLE \`_courses_v\` ADD \`version_rating_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_courses_v\` ADD \`version_rating_average\` numeric;`)
  await db.run(sql`ALTER TABLE \`course_sessions\` ADD \`visibility\` text DEFAULT 'public';`)
  await db.run(sql`ALTER TABLE \`course_sessions\` ADD \`invite_token\` text;`)
  await db.run(sql`ALTER TABLE \`course_sessions\` ADD \`lecturer_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`ALTER TABLE \`course_sessions\` ADD \`order_id\` integer REFERENCES course_orders(id);`)
  await db.run(sql`ALTER TABLE \`course_sessions\` ADD \`interaction_mode_id\` integer REFERENCES interaction_modes(id);`)
  await db.run(sql`ALTER TABLE \`course_sessions\` ADD \`rate_invites_sent_at\` text;`)
  await db.run(sql`CREATE INDEX \`course_sessions_visibility_idx\` ON \`course_sessions\` (\`visibility\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_invite_token_idx\` ON \`course_sessions\` (\`invite_token\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_lecturer_idx\` ON \`course_sessions\` (\`lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_order_idx\` ON \`course_sessions\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_interaction_mode_idx\` ON \`course_sessions\` (\`interaction_mode_id\`);`)
  await db.run(sql`ALTER TABLE \`lecturers\` ADD \`contact_phone\` text;`)
  await db.run(sql`ALTER TABLE \`lecturers\` ADD \`contact_email\` text;`)
  await db.run(sql`ALTER TABLE \`lecturers\` ADD \`monthly_cap\` numeric DEFAULT 4;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lecturer_commitments_id\` integer REFERENCES lecturer_commitments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`ratings_id\` integer REFERENCES ratings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`course_orders_id\` integer REFERENCES course_orders(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`order_events_id\` integer REFERENCES order_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`communities_id\` integer REFERENCES communities(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`interaction_modes_id\` integer REFERENCES interaction_modes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`demand_signals_id\` integer REFERENCES demand_signals(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`holiday_programmes_id\` integer REFERENCES holiday_programmes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`holiday_waves_id\` integer REFERENCES holiday_waves(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`holiday_sessions_id\` integer REFERENCES holiday_sessions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`holiday_registrations_id\` integer REFERENCES holiday_registrations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`holiday_attendance_id\` integer REFERENCES holiday_attendance(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lottery_entries_id\` integer REFERENCES lottery_entries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lottery_draws_id\` integer REFERENCES lottery_draws(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lottery_offers_id\` integer REFERENCES lottery_offers(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lottery_events_id\` integer REFERENCES lottery_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`households_id\` integer REFERENCES households(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`children_id\` integer REFERENCES children(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`impact_reports_id\` integer REFERENCES impact_reports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`page_views_id\` integer REFERENCES page_views(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`booking_households_id\` integer REFERENCES booking_households(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`verification_codes_id\` integer REFERENCES verification_codes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lecturer_commitments_id_idx\` ON \`payload_locked_documents_rels\` (\`lecturer_commitments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ratings_id_idx\` ON \`payload_locked_documents_rels\` (\`ratings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_course_orders_id_idx\` ON \`payload_locked_documents_rels\` (\`course_orders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_events_id_idx\` ON \`payload_locked_documents_rels\` (\`order_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_communities_id_idx\` ON \`payload_locked_documents_rels\` (\`communities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interaction_modes_id_idx\` ON \`payload_locked_documents_rels\` (\`interaction_modes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_demand_signals_id_idx\` ON \`payload_locked_documents_rels\` (\`demand_signals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holiday_programmes_id_idx\` ON \`payload_locked_documents_rels\` (\`holiday_programmes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holiday_waves_id_idx\` ON \`payload_locked_documents_rels\` (\`holiday_waves_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holiday_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`holiday_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holiday_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`holiday_registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holiday_attendance_id_idx\` ON \`payload_locked_documents_rels\` (\`holiday_attendance_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lottery_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`lottery_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lottery_draws_id_idx\` ON \`payload_locked_documents_rels\` (\`lottery_draws_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lottery_offers_id_idx\` ON \`payload_locked_documents_rels\` (\`lottery_offers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lottery_events_id_idx\` ON \`payload_locked_documents_rels\` (\`lottery_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_households_id_idx\` ON \`payload_locked_documents_rels\` (\`households_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_children_id_idx\` ON \`payload_locked_documents_rels\` (\`children_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_impact_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`impact_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_page_views_id_idx\` ON \`payload_locked_documents_rels\` (\`page_views_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_booking_households_id_idx\` ON \`payload_locked_documents_rels\` (\`booking_households_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_verification_codes_id_idx\` ON \`payload_locked_documents_rels\` (\`verification_codes_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`first_response_working_days\` numeric DEFAULT 3 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`lecturers_weekly_slots\`;`)
  await db.run(sql`DROP TABLE \`lecturers_blocked_dates\`;`)
  await db.run(sql`DROP TABLE \`lecturer_commitments\`;`)
  await db.run(sql`DROP TABLE \`lecturer_commitments_texts\`;`)
  await db.run(sql`DROP TABLE \`ratings\`;`)
  await db.run(sql`DROP TABLE \`course_orders_audience\`;`)
  await db.run(sql`DROP TABLE \`course_orders_windows\`;`)
  await db.run(sql`DROP TABLE \`course_orders\`;`)
  await db.run(sql`DROP TABLE \`order_events\`;`)
  await db.run(sql`DROP TABLE \`communities\`;`)
  await db.run(sql`DROP TABLE \`interaction_modes\`;`)
  await db.run(sql`DROP TABLE \`demand_signals\`;`)
  await db.run(sql`DROP TABLE \`holiday_programmes\`;`)
  await db.run(sql`DROP TABLE \`_holiday_programmes_v\`;`)
  await db.run(sql`DROP TABLE \`holiday_waves\`;`)
  await db.run(sql`DROP TABLE \`holiday_sessions_days\`;`)
  await db.run(sql`DROP TABLE \`holiday_sessions\`;`)
  await db.run(sql`DROP TABLE \`holiday_registrations\`;`)
  await db.run(sql`DROP TABLE \`holiday_attendance\`;`)
  await db.run(sql`DROP TABLE \`lottery_entries_choices\`;`)
  await db.run(sql`DROP TABLE \`lottery_entries\`;`)
  await db.run(sql`DROP TABLE \`lottery_draws\`;`)
  await db.run(sql`DROP TABLE \`lottery_offers\`;`)
  await db.run(sql`DROP TABLE \`lottery_events\`;`)
  await db.run(sql`DROP TABLE \`households\`;`)
  await db.run(sql`DROP TABLE \`children\`;`)
  await db.run(sql`DROP TABLE \`impact_reports\`;`)
  await db.run(sql`DROP TABLE \`impact_reports_texts\`;`)
  await db.run(sql`DROP TABLE \`page_views\`;`)
  await db.run(sql`DROP TABLE \`booking_households\`;`)
  await db.run(sql`DROP TABLE \`users_streets\`;`)
  await db.run(sql`DROP TABLE \`verification_codes\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_course_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`course_id\` integer NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`startsat_tz\` text DEFAULT 'Asia/Shanghai' NOT NULL,
  	\`ends_at\` text NOT NULL,
  	\`endsat_tz\` text DEFAULT 'Asia/Shanghai' NOT NULL,
  	\`venue_street\` text,
  	\`venue_community\` text,
  	\`venue_address\` text,
  	\`online_link\` text,
  	\`capacity\` numeric NOT NULL,
  	\`waitlist_size\` numeric DEFAULT 0 NOT NULL,
  	\`booking_opens_at\` text,
  	\`bookingopensat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`booking_closes_at\` text,
  	\`bookingclosesat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`cancellation_deadline\` text,
  	\`cancellationdeadline_tz\` text DEFAULT 'Asia/Shanghai',
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`cancel_reason\` text,
  	\`confirmed_count\` numeric DEFAULT 0,
  	\`waitlisted_count\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`course_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_course_sessions\`("id", "title", "course_id", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "venue_street", "venue_community", "venue_address", "online_link", "capacity", "waitlist_size", "booking_opens_at", "bookingopensat_tz", "booking_closes_at", "bookingclosesat_tz", "cancellation_deadline", "cancellationdeadline_tz", "status", "cancel_reason", "confirmed_count", "waitlisted_count", "updated_at", "created_at") SELECT "id", "title", "course_id", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "venue_street", "venue_community", "venue_address", "online_link", "capacity", "waitlist_size", "booking_opens_at", "bookingopensat_tz", "booking_closes_at", "bookingclosesat_tz", "cancellation_deadline", "cancellationdeadline_tz", "status", "cancel_reason", "confirmed_count", "waitlisted_count", "updated_at", "created_at" FROM \`course_sessions\`;`)
  await db.run(sql`DROP TABLE \`course_sessions\`;`)
  await db.run(sql`ALTER TABLE \`__new_course_sessions\` RENAME TO \`course_sessions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`course_sessions_course_idx\` ON \`course_sessions\` (\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_status_idx\` ON \`course_sessions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_updated_at_idx\` ON \`course_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`course_sessions_created_at_idx\` ON \`course_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`topics_id\` integer,
  	\`families_id\` integer,
  	\`media_id\` integer,
  	\`courses_id\` integer,
  	\`course_categories_id\` integer,
  	\`course_sessions_id\` integer,
  	\`lecturers_id\` integer,
  	\`bookings_id\` integer,
  	\`notifications_id\` integer,
  	\`users_id\` integer,
  	\`content_migrations_id\` integer,
  	\`rate_limits_id\` integer,
  	\`auth_throttles_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`families_id\`) REFERENCES \`families\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`course_categories_id\`) REFERENCES \`course_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`course_sessions_id\`) REFERENCES \`course_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lecturers_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bookings_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`content_migrations_id\`) REFERENCES \`content_migrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_limits_id\`) REFERENCES \`rate_limits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`auth_throttles_id\`) REFERENCES \`auth_throttles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "topics_id", "families_id", "media_id", "courses_id", "course_categories_id", "course_sessions_id", "lecturers_id", "bookings_id", "notifications_id", "users_id", "content_migrations_id", "rate_limits_id", "auth_throttles_id") SELECT "id", "order", "parent_id", "path", "articles_id", "topics_id", "families_id", "media_id", "courses_id", "course_categories_id", "course_sessions_id", "lecturers_id", "bookings_id", "notifications_id", "users_id", "content_migrations_id", "rate_limits_id", "auth_throttles_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_families_id_idx\` ON \`payload_locked_documents_rels\` (\`families_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_courses_id_idx\` ON \`payload_locked_documents_rels\` (\`courses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_course_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`course_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_course_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`course_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lecturers_id_idx\` ON \`payload_locked_documents_rels\` (\`lecturers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bookings_id_idx\` ON \`payload_locked_documents_rels\` (\`bookings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_content_migrations_id_idx\` ON \`payload_locked_documents_rels\` (\`content_migrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_limits_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_auth_throttles_id_idx\` ON \`payload_locked_documents_rels\` (\`auth_throttles_id\`);`)
  await db.run(sql`ALTER TABLE \`courses\` DROP COLUMN \`rating_count\`;`)
  await db.run(sql`ALTER TABLE \`courses\` DROP COLUMN \`rating_average\`;`)
  await db.run(sql`ALTER TABLE \`_courses_v\` DROP COLUMN \`version_rating_count\`;`)
  await db.run(sql`ALTER TABLE \`_courses_v\` DROP COLUMN \`version_rating_average\`;`)
  await db.run(sql`ALTER TABLE \`lecturers\` DROP COLUMN \`contact_phone\`;`)
  await db.run(sql`ALTER TABLE \`lecturers\` DROP COLUMN \`contact_email\`;`)
  await db.run(sql`ALTER TABLE \`lecturers\` DROP COLUMN \`monthly_cap\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`first_response_working_days\`;`)
}
