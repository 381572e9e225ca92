CREATE TABLE "forum_members" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"suspended_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "forum_post_reports" (
	"post_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_post_reports_post_id_account_id_pk" PRIMARY KEY("post_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "forum_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"parent_id" uuid,
	"opens_topic" boolean DEFAULT false NOT NULL,
	"account_id" uuid,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"helpful" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"open_reports" integer DEFAULT 0 NOT NULL,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_posts_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "forum_reactions" (
	"post_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "forum_reactions_post_id_account_id_kind_pk" PRIMARY KEY("post_id","account_id","kind")
);
--> statement-breakpoint
CREATE TABLE "forum_topic_reads" (
	"topic_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"following" boolean DEFAULT false NOT NULL,
	"last_read_at" timestamp with time zone,
	CONSTRAINT "forum_topic_reads_topic_id_account_id_pk" PRIMARY KEY("topic_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "forum_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_code" text NOT NULL,
	"title" text NOT NULL,
	"area_id" uuid NOT NULL,
	"account_id" uuid,
	"status" text NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_group_members" (
	"group_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone,
	CONSTRAINT "support_group_members_group_id_account_id_pk" PRIMARY KEY("group_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "support_group_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"account_id" uuid,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"removed_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_group_messages_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "support_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"area_id" uuid NOT NULL,
	"invite_code" text NOT NULL,
	"read_receipts" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "forum_members" ADD CONSTRAINT "forum_members_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_reports" ADD CONSTRAINT "forum_post_reports_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_reports" ADD CONSTRAINT "forum_post_reports_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_topic_id_forum_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_moderated_by_staff_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_reactions" ADD CONSTRAINT "forum_reactions_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_reactions" ADD CONSTRAINT "forum_reactions_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topic_reads" ADD CONSTRAINT "forum_topic_reads_topic_id_forum_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topic_reads" ADD CONSTRAINT "forum_topic_reads_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_members" ADD CONSTRAINT "support_group_members_group_id_support_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."support_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_members" ADD CONSTRAINT "support_group_members_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_messages" ADD CONSTRAINT "support_group_messages_group_id_support_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."support_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_messages" ADD CONSTRAINT "support_group_messages_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_groups" ADD CONSTRAINT "support_groups_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_groups" ADD CONSTRAINT "support_groups_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_posts_topic_idx" ON "forum_posts" USING btree ("topic_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_posts_account_idx" ON "forum_posts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "forum_posts_queue_idx" ON "forum_posts" USING btree ("created_at") WHERE status IN ('pending', 'held') OR open_reports > 0;--> statement-breakpoint
CREATE INDEX "forum_posts_removed_idx" ON "forum_posts" USING btree ("removed_at") WHERE removed_at IS NOT NULL AND erased_at IS NULL;--> statement-breakpoint
CREATE INDEX "forum_topics_theme_activity_idx" ON "forum_topics" USING btree ("theme_code","last_activity_at");--> statement-breakpoint
CREATE INDEX "support_group_members_account_idx" ON "support_group_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "support_group_messages_group_idx" ON "support_group_messages" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_groups_invite_idx" ON "support_groups" USING btree ("invite_code");