export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12.0.2"
  }
  public: {
    Tables: {
      account_tokens: {
        Row: {
          created_at: string
          email: string
          expires_at: string
          purpose: string
          token_hash: string
          used_at: string | null
          user_id: string
        }
        Insert: {
          created_at?: string
          email: string
          expires_at: string
          purpose: string
          token_hash: string
          used_at?: string | null
          user_id: string
        }
        Update: {
          created_at?: string
          email?: string
          expires_at?: string
          purpose?: string
          token_hash?: string
          used_at?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "account_tokens_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      area_towns: {
        Row: {
          area_id: string
          created_at: string
          id: string
          kana: string | null
          name: string
          search_text: string | null
          sort_order: number
        }
        Insert: {
          area_id: string
          created_at?: string
          id?: string
          kana?: string | null
          name: string
          search_text?: never
          sort_order?: number
        }
        Update: {
          area_id?: string
          created_at?: string
          id?: string
          kana?: string | null
          name?: string
          search_text?: never
          sort_order?: number
        }
        Relationships: [
          {
            foreignKeyName: "area_towns_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
        ]
      }
      areas: {
        Row: {
          created_at: string
          description: string
          id: string
          kana: string | null
          name_en: string
          name_ja: string
          retired_at: string | null
          slug: string
          sort_order: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          description?: string
          id?: string
          kana?: string | null
          name_en: string
          name_ja: string
          retired_at?: string | null
          slug: string
          sort_order?: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string
          id?: string
          kana?: string | null
          name_en?: string
          name_ja?: string
          retired_at?: string | null
          slug?: string
          sort_order?: number
          updated_at?: string
        }
        Relationships: []
      }
      awards: {
        Row: {
          awarded_on: string
          citation: string
          created_at: string
          created_by: string | null
          event_id: string | null
          fiscal_year: number | null
          id: string
          name: string
          nomination_id: string | null
          organization_id: string | null
          practice_id: string | null
          profile_id: string | null
          updated_at: string
          award_card: Json | null
        }
        Insert: {
          awarded_on: string
          citation: string
          created_at?: string
          created_by?: string | null
          event_id?: string | null
          fiscal_year?: never
          id?: string
          name: string
          nomination_id?: string | null
          organization_id?: string | null
          practice_id?: string | null
          profile_id?: string | null
          updated_at?: string
        }
        Update: {
          awarded_on?: string
          citation?: string
          created_at?: string
          created_by?: string | null
          event_id?: string | null
          fiscal_year?: never
          id?: string
          name?: string
          nomination_id?: string | null
          organization_id?: string | null
          practice_id?: string | null
          profile_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "awards_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "awards_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "awards_nomination_id_fkey"
            columns: ["nomination_id"]
            isOneToOne: true
            referencedRelation: "nominations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "awards_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "awards_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "awards_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      calendar_tokens: {
        Row: {
          created_at: string
          token_hash: string
          user_id: string
        }
        Insert: {
          created_at?: string
          token_hash: string
          user_id: string
        }
        Update: {
          created_at?: string
          token_hash?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "calendar_tokens_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      credentials: {
        Row: {
          email: string
          email_bounced_at: string | null
          email_verified_at: string | null
          password_hash: string
          updated_at: string
          user_id: string
        }
        Insert: {
          email: string
          email_bounced_at?: string | null
          email_verified_at?: string | null
          password_hash: string
          updated_at?: string
          user_id: string
        }
        Update: {
          email?: string
          email_bounced_at?: string | null
          email_verified_at?: string | null
          password_hash?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "credentials_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      email_invitation_attempts: {
        Row: {
          created_at: string
          id: number
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: never
          user_id: string
        }
        Update: {
          created_at?: string
          id?: never
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_invitation_attempts_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      event_cohosts: {
        Row: {
          accepted_at: string | null
          accepted_by: string | null
          event_id: string
          invited_at: string
          invited_by: string | null
          organization_id: string
        }
        Insert: {
          accepted_at?: string | null
          accepted_by?: string | null
          event_id: string
          invited_at?: string
          invited_by?: string | null
          organization_id: string
        }
        Update: {
          accepted_at?: string | null
          accepted_by?: string | null
          event_id?: string
          invited_at?: string
          invited_by?: string | null
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_cohosts_accepted_by_fkey"
            columns: ["accepted_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_cohosts_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_cohosts_invited_by_fkey"
            columns: ["invited_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_cohosts_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      event_fields: {
        Row: {
          event_id: string
          field_id: string
        }
        Insert: {
          event_id: string
          field_id: string
        }
        Update: {
          event_id?: string
          field_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_fields_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_fields_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
        ]
      }
      event_occurrences: {
        Row: {
          area_id: string | null
          cancel_reason: string | null
          ends_at: string
          event_id: string
          going_count: number
          id: string
          organization_id: string | null
          original_starts_at: string
          sequence: number
          starts_at: string
          status: Database["public"]["Enums"]["occurrence_status"]
          waiting_count: number
          card_event: Json | null
          further_dates: number | null
        }
        Insert: {
          area_id?: string | null
          cancel_reason?: string | null
          ends_at: string
          event_id: string
          going_count?: number
          id?: string
          organization_id?: string | null
          original_starts_at: string
          sequence?: number
          starts_at: string
          status?: Database["public"]["Enums"]["occurrence_status"]
          waiting_count?: number
        }
        Update: {
          area_id?: string | null
          cancel_reason?: string | null
          ends_at?: string
          event_id?: string
          going_count?: number
          id?: string
          organization_id?: string | null
          original_starts_at?: string
          sequence?: number
          starts_at?: string
          status?: Database["public"]["Enums"]["occurrence_status"]
          waiting_count?: number
        }
        Relationships: [
          {
            foreignKeyName: "event_occurrences_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      events: {
        Row: {
          accessibility: string | null
          all_day: boolean
          area_id: string | null
          audience_note: string | null
          belongings: string | null
          body: string
          cancel_reason: string | null
          capacity: number | null
          contact_email: string | null
          contact_name: string | null
          contact_phone: string | null
          cover_alt: string | null
          cover_image_hash: string | null
          created_at: string
          deadline_note: string | null
          easy_body: string | null
          easy_summary: string | null
          ends_at: string
          fee: string | null
          how_to_apply: string | null
          id: string
          kind: Database["public"]["Enums"]["event_kind"]
          online_url: string | null
          organization_id: string | null
          organizer_id: string
          place_id: string | null
          published_at: string | null
          registration_closes_at: string | null
          registration_opens_at: string | null
          rrule: string | null
          search_text: string | null
          sequence: number
          short_code: string
          starts_at: string
          status: Database["public"]["Enums"]["event_status"]
          summary: string
          title: string
          updated_at: string
          venue_address: string | null
          venue_name: string | null
          waitlist_enabled: boolean
          event_detail: Json | null
          event_page: Json | null
          events_version: number | null
        }
        Insert: {
          accessibility?: string | null
          all_day?: boolean
          area_id?: string | null
          audience_note?: string | null
          belongings?: string | null
          body?: string
          cancel_reason?: string | null
          capacity?: number | null
          contact_email?: string | null
          contact_name?: string | null
          contact_phone?: string | null
          cover_alt?: string | null
          cover_image_hash?: string | null
          created_at?: string
          deadline_note?: string | null
          easy_body?: string | null
          easy_summary?: string | null
          ends_at: string
          fee?: string | null
          how_to_apply?: string | null
          id?: string
          kind: Database["public"]["Enums"]["event_kind"]
          online_url?: string | null
          organization_id?: string | null
          organizer_id?: string
          place_id?: string | null
          published_at?: string | null
          registration_closes_at?: string | null
          registration_opens_at?: string | null
          rrule?: string | null
          search_text?: never
          sequence?: number
          short_code?: string
          starts_at: string
          status?: Database["public"]["Enums"]["event_status"]
          summary?: string
          title: string
          updated_at?: string
          venue_address?: string | null
          venue_name?: string | null
          waitlist_enabled?: boolean
        }
        Update: {
          accessibility?: string | null
          all_day?: boolean
          area_id?: string | null
          audience_note?: string | null
          belongings?: string | null
          body?: string
          cancel_reason?: string | null
          capacity?: number | null
          contact_email?: string | null
          contact_name?: string | null
          contact_phone?: string | null
          cover_alt?: string | null
          cover_image_hash?: string | null
          created_at?: string
          deadline_note?: string | null
          easy_body?: string | null
          easy_summary?: string | null
          ends_at?: string
          fee?: string | null
          how_to_apply?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["event_kind"]
          online_url?: string | null
          organization_id?: string | null
          organizer_id?: string
          place_id?: string | null
          published_at?: string | null
          registration_closes_at?: string | null
          registration_opens_at?: string | null
          rrule?: string | null
          search_text?: never
          sequence?: number
          short_code?: string
          starts_at?: string
          status?: Database["public"]["Enums"]["event_status"]
          summary?: string
          title?: string
          updated_at?: string
          venue_address?: string | null
          venue_name?: string | null
          waitlist_enabled?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "events_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_cover_image_hash_fkey"
            columns: ["cover_image_hash"]
            isOneToOne: false
            referencedRelation: "images"
            referencedColumns: ["hash"]
          },
          {
            foreignKeyName: "events_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_organizer_id_fkey"
            columns: ["organizer_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_place_id_fkey"
            columns: ["place_id"]
            isOneToOne: false
            referencedRelation: "places"
            referencedColumns: ["id"]
          },
        ]
      }
      fields: {
        Row: {
          color: string
          created_at: string
          id: string
          name_en: string
          name_ja: string
          retired_at: string | null
          slug: string
          sort_order: number
          updated_at: string
        }
        Insert: {
          color?: string
          created_at?: string
          id?: string
          name_en: string
          name_ja: string
          retired_at?: string | null
          slug: string
          sort_order?: number
          updated_at?: string
        }
        Update: {
          color?: string
          created_at?: string
          id?: string
          name_en?: string
          name_ja?: string
          retired_at?: string | null
          slug?: string
          sort_order?: number
          updated_at?: string
        }
        Relationships: []
      }
      follows: {
        Row: {
          area_id: string | null
          created_at: string
          field_id: string | null
          id: string
          organization_id: string | null
          user_id: string
        }
        Insert: {
          area_id?: string | null
          created_at?: string
          field_id?: string | null
          id?: string
          organization_id?: string | null
          user_id?: string
        }
        Update: {
          area_id?: string | null
          created_at?: string
          field_id?: string | null
          id?: string
          organization_id?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "follows_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      furigana: {
        Row: {
          source_md5: string
          subject: string
          subject_id: string
          updated_at: string
          words: NonNullable<Json>
        }
        Insert: {
          source_md5: string
          subject: string
          subject_id: string
          updated_at?: string
          words?: NonNullable<Json>
        }
        Update: {
          source_md5?: string
          subject?: string
          subject_id?: string
          updated_at?: string
          words?: NonNullable<Json>
        }
        Relationships: []
      }
      image_variants: {
        Row: {
          byte_size: number | null
          bytes: string
          created_at: string
          height: number
          image_hash: string
          mime: string
          sha256: string
          width: number
        }
        Insert: {
          byte_size?: never
          bytes: string
          created_at?: string
          height: number
          image_hash: string
          mime: string
          sha256: string
          width: number
        }
        Update: {
          byte_size?: never
          bytes?: string
          created_at?: string
          height?: number
          image_hash?: string
          mime?: string
          sha256?: string
          width?: number
        }
        Relationships: [
          {
            foreignKeyName: "image_variants_image_hash_fkey"
            columns: ["image_hash"]
            isOneToOne: false
            referencedRelation: "images"
            referencedColumns: ["hash"]
          },
        ]
      }
      images: {
        Row: {
          created_at: string
          hash: string
          height: number
          uploaded_by: string | null
          width: number
        }
        Insert: {
          created_at?: string
          hash: string
          height: number
          uploaded_by?: string | null
          width: number
        }
        Update: {
          created_at?: string
          hash?: string
          height?: number
          uploaded_by?: string | null
          width?: number
        }
        Relationships: [
          {
            foreignKeyName: "images_uploaded_by_fkey"
            columns: ["uploaded_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      login_attempts: {
        Row: {
          created_at: string
          email: string | null
          id: number
          ip: string | null
          kind: string
          succeeded: boolean
        }
        Insert: {
          created_at?: string
          email?: string | null
          id?: never
          ip?: string | null
          kind: string
          succeeded: boolean
        }
        Update: {
          created_at?: string
          email?: string | null
          id?: never
          ip?: string | null
          kind?: string
          succeeded?: boolean
        }
        Relationships: []
      }
      mail_log: {
        Row: {
          attempts: number
          created_at: string
          id: string
          job_id: number
          job_key: string | null
          kind: string
          last_error: string | null
          message_id: string | null
          once_key: string | null
          recipient: string | null
          sent_at: string | null
          status: string
          subject: string | null
          updated_at: string
          user_id: string | null
        }
        Insert: {
          attempts?: number
          created_at?: string
          id?: string
          job_id: number
          job_key?: string | null
          kind: string
          last_error?: string | null
          message_id?: string | null
          once_key?: string | null
          recipient?: string | null
          sent_at?: string | null
          status?: string
          subject?: string | null
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          attempts?: number
          created_at?: string
          id?: string
          job_id?: number
          job_key?: string | null
          kind?: string
          last_error?: string | null
          message_id?: string | null
          once_key?: string | null
          recipient?: string | null
          sent_at?: string | null
          status?: string
          subject?: string | null
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "mail_log_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_log: {
        Row: {
          action: string
          created_at: string
          event_id: string | null
          id: string
          member_id: string | null
          moderator_id: string
          organization_id: string | null
          post_id: string | null
          reason: string | null
          report_id: string | null
          thanks_id: string | null
          thread_id: string | null
          until: string | null
        }
        Insert: {
          action: string
          created_at?: string
          event_id?: string | null
          id?: string
          member_id?: string | null
          moderator_id: string
          organization_id?: string | null
          post_id?: string | null
          reason?: string | null
          report_id?: string | null
          thanks_id?: string | null
          thread_id?: string | null
          until?: string | null
        }
        Update: {
          action?: string
          created_at?: string
          event_id?: string | null
          id?: string
          member_id?: string | null
          moderator_id?: string
          organization_id?: string | null
          post_id?: string | null
          reason?: string | null
          report_id?: string | null
          thanks_id?: string | null
          thread_id?: string | null
          until?: string | null
        }
        Relationships: []
      }
      nominations: {
        Row: {
          answered_at: string | null
          answered_by: string | null
          created_at: string
          id: string
          nominator_id: string
          note: string | null
          organization_id: string | null
          practice_id: string | null
          reason: string
          status: string
        }
        Insert: {
          answered_at?: string | null
          answered_by?: string | null
          created_at?: string
          id?: string
          nominator_id?: string
          note?: string | null
          organization_id?: string | null
          practice_id?: string | null
          reason: string
          status?: string
        }
        Update: {
          answered_at?: string | null
          answered_by?: string | null
          created_at?: string
          id?: string
          nominator_id?: string
          note?: string | null
          organization_id?: string | null
          practice_id?: string | null
          reason?: string
          status?: string
        }
        Relationships: [
          {
            foreignKeyName: "nominations_answered_by_fkey"
            columns: ["answered_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "nominations_nominator_id_fkey"
            columns: ["nominator_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "nominations_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "nominations_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      notification_preferences: {
        Row: {
          changes_cancellations: boolean | null
          confirmations: boolean | null
          digest_frequency: string | null
          invitations: boolean | null
          mentions: boolean | null
          moderation: boolean | null
          practices_recognition: boolean | null
          promotions: boolean | null
          reminders: boolean | null
          thread_replies: boolean | null
          updated_at: string
          user_id: string
        }
        Insert: {
          changes_cancellations?: boolean | null
          confirmations?: boolean | null
          digest_frequency?: string | null
          invitations?: boolean | null
          mentions?: boolean | null
          moderation?: boolean | null
          practices_recognition?: boolean | null
          promotions?: boolean | null
          reminders?: boolean | null
          thread_replies?: boolean | null
          updated_at?: string
          user_id?: string
        }
        Update: {
          changes_cancellations?: boolean | null
          confirmations?: boolean | null
          digest_frequency?: string | null
          invitations?: boolean | null
          mentions?: boolean | null
          moderation?: boolean | null
          practices_recognition?: boolean | null
          promotions?: boolean | null
          reminders?: boolean | null
          thread_replies?: boolean | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "notification_preferences_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          award_id: string | null
          created_at: string
          detail: string | null
          event_id: string | null
          id: string
          kind: string
          nomination_id: string | null
          occurrence_id: string | null
          organization_id: string | null
          place_id: string | null
          post_id: string | null
          practice_id: string | null
          read_at: string | null
          report_id: string | null
          thanks_id: string | null
          thread_id: string | null
          user_id: string
          voice_id: string | null
        }
        Insert: {
          award_id?: string | null
          created_at?: string
          detail?: string | null
          event_id?: string | null
          id?: string
          kind: string
          nomination_id?: string | null
          occurrence_id?: string | null
          organization_id?: string | null
          place_id?: string | null
          post_id?: string | null
          practice_id?: string | null
          read_at?: string | null
          report_id?: string | null
          thanks_id?: string | null
          thread_id?: string | null
          user_id: string
          voice_id?: string | null
        }
        Update: {
          award_id?: string | null
          created_at?: string
          detail?: string | null
          event_id?: string | null
          id?: string
          kind?: string
          nomination_id?: string | null
          occurrence_id?: string | null
          organization_id?: string | null
          place_id?: string | null
          post_id?: string | null
          practice_id?: string | null
          read_at?: string | null
          report_id?: string | null
          thanks_id?: string | null
          thread_id?: string | null
          user_id?: string
          voice_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "notifications_award_id_fkey"
            columns: ["award_id"]
            isOneToOne: false
            referencedRelation: "awards"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_nomination_id_fkey"
            columns: ["nomination_id"]
            isOneToOne: false
            referencedRelation: "nominations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_occurrence_id_fkey"
            columns: ["occurrence_id"]
            isOneToOne: false
            referencedRelation: "event_occurrences"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_place_id_fkey"
            columns: ["place_id"]
            isOneToOne: false
            referencedRelation: "places"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_report_id_fkey"
            columns: ["report_id"]
            isOneToOne: false
            referencedRelation: "reports"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_thanks_id_fkey"
            columns: ["thanks_id"]
            isOneToOne: false
            referencedRelation: "thanks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "threads"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_voice_id_fkey"
            columns: ["voice_id"]
            isOneToOne: false
            referencedRelation: "voices"
            referencedColumns: ["id"]
          },
        ]
      }
      occurrence_record_headcounts: {
        Row: {
          first_time: number
          kind: Database["public"]["Enums"]["participant_kind"]
          occurrence_id: string
          people: number
        }
        Insert: {
          first_time?: number
          kind: Database["public"]["Enums"]["participant_kind"]
          occurrence_id: string
          people: number
        }
        Update: {
          first_time?: number
          kind?: Database["public"]["Enums"]["participant_kind"]
          occurrence_id?: string
          people?: number
        }
        Relationships: [
          {
            foreignKeyName: "occurrence_record_headcounts_occurrence_id_fkey"
            columns: ["occurrence_id"]
            isOneToOne: false
            referencedRelation: "occurrence_records"
            referencedColumns: ["occurrence_id"]
          },
        ]
      }
      occurrence_records: {
        Row: {
          agenda: string
          attendance: number | null
          created_at: string
          created_by: string | null
          event_id: string
          forum_name: string
          is_public: boolean
          materials: string[]
          minutes: string
          occurrence_id: string
          registered_attended: number
          summary: string
          updated_at: string
          updated_by: string | null
          venue: string
          walk_ins: number
        }
        Insert: {
          agenda?: string
          attendance?: never
          created_at?: string
          created_by?: string | null
          event_id: string
          forum_name: string
          is_public?: boolean
          materials?: string[]
          minutes?: string
          occurrence_id: string
          registered_attended?: number
          summary?: string
          updated_at?: string
          updated_by?: string | null
          venue: string
          walk_ins?: number
        }
        Update: {
          agenda?: string
          attendance?: never
          created_at?: string
          created_by?: string | null
          event_id?: string
          forum_name?: string
          is_public?: boolean
          materials?: string[]
          minutes?: string
          occurrence_id?: string
          registered_attended?: number
          summary?: string
          updated_at?: string
          updated_by?: string | null
          venue?: string
          walk_ins?: number
        }
        Relationships: [
          {
            foreignKeyName: "occurrence_records_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "occurrence_records_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "occurrence_records_occurrence_id_fkey"
            columns: ["occurrence_id"]
            isOneToOne: true
            referencedRelation: "event_occurrences"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "occurrence_records_updated_by_fkey"
            columns: ["updated_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_areas: {
        Row: {
          area_id: string
          organization_id: string
        }
        Insert: {
          area_id: string
          organization_id: string
        }
        Update: {
          area_id?: string
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "organization_areas_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_areas_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_fields: {
        Row: {
          field_id: string
          organization_id: string
        }
        Insert: {
          field_id: string
          organization_id: string
        }
        Update: {
          field_id?: string
          organization_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "organization_fields_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_fields_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_invitations: {
        Row: {
          accepted_at: string | null
          accepted_by: string | null
          created_at: string
          created_by: string | null
          expires_at: string
          id: string
          invitee_id: string | null
          organization_id: string
          role: Database["public"]["Enums"]["organization_role"]
          token_hash: string | null
        }
        Insert: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          invitee_id?: string | null
          organization_id: string
          role?: Database["public"]["Enums"]["organization_role"]
          token_hash?: string | null
        }
        Update: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          invitee_id?: string | null
          organization_id?: string
          role?: Database["public"]["Enums"]["organization_role"]
          token_hash?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "organization_invitations_accepted_by_fkey"
            columns: ["accepted_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_invitations_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_invitations_invitee_id_fkey"
            columns: ["invitee_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_invitations_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_members: {
        Row: {
          created_at: string
          organization_id: string
          role: Database["public"]["Enums"]["organization_role"]
          user_id: string
        }
        Insert: {
          created_at?: string
          organization_id: string
          role?: Database["public"]["Enums"]["organization_role"]
          user_id: string
        }
        Update: {
          created_at?: string
          organization_id?: string
          role?: Database["public"]["Enums"]["organization_role"]
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "organization_members_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_members_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          contact_email: string | null
          contact_phone: string | null
          created_at: string
          created_by: string | null
          description: string
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          kana: string | null
          kind: Database["public"]["Enums"]["organization_kind"]
          logo_image_hash: string | null
          municipality_wide: boolean
          name: string
          search_text: string | null
          slug: string
          sort_key: string | null
          updated_at: string
          verified_at: string | null
          verified_by: string | null
          website: string | null
          events_version: number | null
          member_count: number | null
          organization_links: Json | null
          organization_page: Json | null
        }
        Insert: {
          contact_email?: string | null
          contact_phone?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          kana?: string | null
          kind: Database["public"]["Enums"]["organization_kind"]
          logo_image_hash?: string | null
          municipality_wide?: boolean
          name: string
          search_text?: never
          slug: string
          sort_key?: never
          updated_at?: string
          verified_at?: string | null
          verified_by?: string | null
          website?: string | null
        }
        Update: {
          contact_email?: string | null
          contact_phone?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          kana?: string | null
          kind?: Database["public"]["Enums"]["organization_kind"]
          logo_image_hash?: string | null
          municipality_wide?: boolean
          name?: string
          search_text?: never
          slug?: string
          sort_key?: never
          updated_at?: string
          verified_at?: string | null
          verified_by?: string | null
          website?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "organizations_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organizations_hidden_by_fkey"
            columns: ["hidden_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organizations_logo_image_hash_fkey"
            columns: ["logo_image_hash"]
            isOneToOne: false
            referencedRelation: "images"
            referencedColumns: ["hash"]
          },
          {
            foreignKeyName: "organizations_verified_by_fkey"
            columns: ["verified_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      place_corrections: {
        Row: {
          author_id: string | null
          body: string
          created_at: string
          id: string
          place_id: string
          resolved_at: string | null
          resolved_by: string | null
        }
        Insert: {
          author_id?: string | null
          body: string
          created_at?: string
          id?: string
          place_id: string
          resolved_at?: string | null
          resolved_by?: string | null
        }
        Update: {
          author_id?: string | null
          body?: string
          created_at?: string
          id?: string
          place_id?: string
          resolved_at?: string | null
          resolved_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "place_corrections_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "place_corrections_place_id_fkey"
            columns: ["place_id"]
            isOneToOne: false
            referencedRelation: "places"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "place_corrections_resolved_by_fkey"
            columns: ["resolved_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      place_hours: {
        Row: {
          closes: string
          day: number
          opens: string
          place_id: string
        }
        Insert: {
          closes: string
          day: number
          opens: string
          place_id: string
        }
        Update: {
          closes?: string
          day?: number
          opens?: string
          place_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "place_hours_place_id_fkey"
            columns: ["place_id"]
            isOneToOne: false
            referencedRelation: "places"
            referencedColumns: ["id"]
          },
        ]
      }
      place_photos: {
        Row: {
          alt: string
          image_hash: string
          place_id: string
          position: number
        }
        Insert: {
          alt: string
          image_hash: string
          place_id: string
          position: number
        }
        Update: {
          alt?: string
          image_hash?: string
          place_id?: string
          position?: number
        }
        Relationships: [
          {
            foreignKeyName: "place_photos_image_hash_fkey"
            columns: ["image_hash"]
            isOneToOne: false
            referencedRelation: "images"
            referencedColumns: ["hash"]
          },
          {
            foreignKeyName: "place_photos_place_id_fkey"
            columns: ["place_id"]
            isOneToOne: false
            referencedRelation: "places"
            referencedColumns: ["id"]
          },
        ]
      }
      places: {
        Row: {
          accessibility: string | null
          address: string | null
          area_id: string | null
          audiences: string[]
          capacity: number | null
          closed_days: string | null
          confirmed_at: string
          confirmed_by: string | null
          created_at: string
          created_by: string | null
          description: string | null
          easy_body: string | null
          easy_summary: string | null
          email: string | null
          fee: string | null
          fee_free: boolean | null
          food_allowed: boolean | null
          hours_note: string | null
          id: string
          import_key: string | null
          kinds: string[]
          latitude: number | null
          longitude: number | null
          meals_provided: boolean | null
          name: string
          name_kana: string | null
          open_days: number[]
          organization_id: string | null
          phone: string | null
          published: boolean
          search_text: string | null
          sort_key: string | null
          transport: boolean | null
          updated_at: string
          url: string | null
        }
        Insert: {
          accessibility?: string | null
          address?: string | null
          area_id?: string | null
          audiences?: string[]
          capacity?: number | null
          closed_days?: string | null
          confirmed_at?: string
          confirmed_by?: string | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          easy_body?: string | null
          easy_summary?: string | null
          email?: string | null
          fee?: string | null
          fee_free?: boolean | null
          food_allowed?: boolean | null
          hours_note?: string | null
          id?: string
          import_key?: never
          kinds: string[]
          latitude?: number | null
          longitude?: number | null
          meals_provided?: boolean | null
          name: string
          name_kana?: string | null
          open_days?: number[]
          organization_id?: string | null
          phone?: string | null
          published?: boolean
          search_text?: never
          sort_key?: never
          transport?: boolean | null
          updated_at?: string
          url?: string | null
        }
        Update: {
          accessibility?: string | null
          address?: string | null
          area_id?: string | null
          audiences?: string[]
          capacity?: number | null
          closed_days?: string | null
          confirmed_at?: string
          confirmed_by?: string | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          easy_body?: string | null
          easy_summary?: string | null
          email?: string | null
          fee?: string | null
          fee_free?: boolean | null
          food_allowed?: boolean | null
          hours_note?: string | null
          id?: string
          import_key?: never
          kinds?: string[]
          latitude?: number | null
          longitude?: number | null
          meals_provided?: boolean | null
          name?: string
          name_kana?: string | null
          open_days?: number[]
          organization_id?: string | null
          phone?: string | null
          published?: boolean
          search_text?: never
          sort_key?: never
          transport?: boolean | null
          updated_at?: string
          url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "places_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "places_confirmed_by_fkey"
            columns: ["confirmed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "places_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "places_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      post_versions: {
        Row: {
          body: string
          body_html: string
          id: string
          post_id: string
          replaced_at: string
          written_at: string
        }
        Insert: {
          body: string
          body_html: string
          id?: string
          post_id: string
          replaced_at?: string
          written_at: string
        }
        Update: {
          body?: string
          body_html?: string
          id?: string
          post_id?: string
          replaced_at?: string
          written_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "post_versions_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      posts: {
        Row: {
          author_id: string | null
          body: string
          body_html: string
          created_at: string
          deleted_at: string | null
          edited_at: string | null
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          mentioned_ids: string[]
          position: number
          quote_of: string | null
          thread_id: string
        }
        Insert: {
          author_id?: string | null
          body: string
          body_html: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          mentioned_ids?: string[]
          position?: number
          quote_of?: string | null
          thread_id: string
        }
        Update: {
          author_id?: string | null
          body?: string
          body_html?: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          mentioned_ids?: string[]
          position?: number
          quote_of?: string | null
          thread_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "posts_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "posts_hidden_by_fkey"
            columns: ["hidden_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "posts_quote_of_fkey"
            columns: ["quote_of"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "posts_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "threads"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_areas: {
        Row: {
          area_id: string
          practice_id: string
        }
        Insert: {
          area_id: string
          practice_id: string
        }
        Update: {
          area_id?: string
          practice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "practice_areas_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practice_areas_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_events: {
        Row: {
          event_id: string
          practice_id: string
        }
        Insert: {
          event_id: string
          practice_id: string
        }
        Update: {
          event_id?: string
          practice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "practice_events_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practice_events_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_fields: {
        Row: {
          field_id: string
          practice_id: string
        }
        Insert: {
          field_id: string
          practice_id: string
        }
        Update: {
          field_id?: string
          practice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "practice_fields_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practice_fields_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_figures: {
        Row: {
          label: string
          position: number
          practice_id: string
          unit: string
          value: number
        }
        Insert: {
          label: string
          position: number
          practice_id: string
          unit?: string
          value: number
        }
        Update: {
          label?: string
          position?: number
          practice_id?: string
          unit?: string
          value?: number
        }
        Relationships: [
          {
            foreignKeyName: "practice_figures_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_partners: {
        Row: {
          name: string | null
          organization_id: string | null
          position: number
          practice_id: string
        }
        Insert: {
          name?: string | null
          organization_id?: string | null
          position: number
          practice_id: string
        }
        Update: {
          name?: string | null
          organization_id?: string | null
          position?: number
          practice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "practice_partners_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practice_partners_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_photos: {
        Row: {
          alt: string
          image_hash: string
          position: number
          practice_id: string
        }
        Insert: {
          alt: string
          image_hash: string
          position: number
          practice_id: string
        }
        Update: {
          alt?: string
          image_hash?: string
          position?: number
          practice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "practice_photos_image_hash_fkey"
            columns: ["image_hash"]
            isOneToOne: false
            referencedRelation: "images"
            referencedColumns: ["hash"]
          },
          {
            foreignKeyName: "practice_photos_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practice_places: {
        Row: {
          place_id: string
          practice_id: string
        }
        Insert: {
          place_id: string
          practice_id: string
        }
        Update: {
          place_id?: string
          practice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "practice_places_place_id_fkey"
            columns: ["place_id"]
            isOneToOne: false
            referencedRelation: "places"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practice_places_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
        ]
      }
      practices: {
        Row: {
          audience_note: string | null
          audiences: string[]
          author_id: string | null
          cost: string | null
          created_at: string
          easy_body: string | null
          easy_summary: string | null
          ended_on: string | null
          featured_position: number | null
          frequency: string | null
          funding: string | null
          id: string
          lead_organization_id: string
          published_at: string | null
          published_by: string | null
          published_snapshot: Json | null
          review_comment: string | null
          reviewed_at: string | null
          reviewed_by: string | null
          search_text: string | null
          started_on: string
          status: Database["public"]["Enums"]["practice_status"]
          story_activities: string | null
          story_challenges: string | null
          story_contact: string | null
          story_next: string | null
          story_origin: string | null
          story_outcomes: string | null
          story_tips: string | null
          submitted_at: string | null
          summary: string
          title: string
          updated_at: string
          venue: string | null
          practice_card: Json | null
        }
        Insert: {
          audience_note?: string | null
          audiences?: string[]
          author_id?: string | null
          cost?: string | null
          created_at?: string
          easy_body?: string | null
          easy_summary?: string | null
          ended_on?: string | null
          featured_position?: number | null
          frequency?: string | null
          funding?: string | null
          id?: string
          lead_organization_id: string
          published_at?: string | null
          published_by?: string | null
          published_snapshot?: Json | null
          review_comment?: string | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          search_text?: never
          started_on: string
          status?: Database["public"]["Enums"]["practice_status"]
          story_activities?: string | null
          story_challenges?: string | null
          story_contact?: string | null
          story_next?: string | null
          story_origin?: string | null
          story_outcomes?: string | null
          story_tips?: string | null
          submitted_at?: string | null
          summary: string
          title: string
          updated_at?: string
          venue?: string | null
        }
        Update: {
          audience_note?: string | null
          audiences?: string[]
          author_id?: string | null
          cost?: string | null
          created_at?: string
          easy_body?: string | null
          easy_summary?: string | null
          ended_on?: string | null
          featured_position?: number | null
          frequency?: string | null
          funding?: string | null
          id?: string
          lead_organization_id?: string
          published_at?: string | null
          published_by?: string | null
          published_snapshot?: Json | null
          review_comment?: string | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          search_text?: never
          started_on?: string
          status?: Database["public"]["Enums"]["practice_status"]
          story_activities?: string | null
          story_challenges?: string | null
          story_contact?: string | null
          story_next?: string | null
          story_origin?: string | null
          story_outcomes?: string | null
          story_tips?: string | null
          submitted_at?: string | null
          summary?: string
          title?: string
          updated_at?: string
          venue?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "practices_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practices_lead_organization_id_fkey"
            columns: ["lead_organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practices_published_by_fkey"
            columns: ["published_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "practices_reviewed_by_fkey"
            columns: ["reviewed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      profile_areas: {
        Row: {
          area_id: string
          profile_id: string
        }
        Insert: {
          area_id: string
          profile_id: string
        }
        Update: {
          area_id?: string
          profile_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "profile_areas_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "profile_areas_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      profile_fields: {
        Row: {
          field_id: string
          profile_id: string
        }
        Insert: {
          field_id: string
          profile_id: string
        }
        Update: {
          field_id?: string
          profile_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "profile_fields_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "profile_fields_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          bio: string
          created_at: string
          display_name: string
          id: string
          listed: boolean
          locale: string
          role: Database["public"]["Enums"]["app_role"]
          updated_at: string
        }
        Insert: {
          bio?: string
          created_at?: string
          display_name: string
          id?: string
          listed?: boolean
          locale?: string
          role?: Database["public"]["Enums"]["app_role"]
          updated_at?: string
        }
        Update: {
          bio?: string
          created_at?: string
          display_name?: string
          id?: string
          listed?: boolean
          locale?: string
          role?: Database["public"]["Enums"]["app_role"]
          updated_at?: string
        }
        Relationships: []
      }
      programme_items: {
        Row: {
          paragraph: string
          position: number
          practice_id: string
          presenter: string
          programme_id: string
          starts_at: string | null
        }
        Insert: {
          paragraph: string
          position: number
          practice_id: string
          presenter: string
          programme_id: string
          starts_at?: string | null
        }
        Update: {
          paragraph?: string
          position?: number
          practice_id?: string
          presenter?: string
          programme_id?: string
          starts_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "programme_items_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "programme_items_programme_id_fkey"
            columns: ["programme_id"]
            isOneToOne: false
            referencedRelation: "programmes"
            referencedColumns: ["id"]
          },
        ]
      }
      programmes: {
        Row: {
          created_at: string
          created_by: string | null
          event_id: string
          id: string
          is_public: boolean
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          event_id: string
          id?: string
          is_public?: boolean
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          event_id?: string
          id?: string
          is_public?: boolean
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "programmes_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "programmes_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      reading_words: {
        Row: {
          id: string
          note: string | null
          reading: string
          updated_at: string
          updated_by: string | null
          word: string
        }
        Insert: {
          id?: string
          note?: string | null
          reading: string
          updated_at?: string
          updated_by?: string | null
          word: string
        }
        Update: {
          id?: string
          note?: string | null
          reading?: string
          updated_at?: string
          updated_by?: string | null
          word?: string
        }
        Relationships: [
          {
            foreignKeyName: "reading_words_updated_by_fkey"
            columns: ["updated_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      registrations: {
        Row: {
          added_by: string | null
          attended: boolean | null
          companions: number
          created_at: string
          guest_name: string | null
          guest_phone: string | null
          id: string
          note: string | null
          occurrence_id: string
          queued_at: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at: string
          user_id: string | null
          waitlist_position: number | null
        }
        Insert: {
          added_by?: string | null
          attended?: boolean | null
          companions?: number
          created_at?: string
          guest_name?: string | null
          guest_phone?: string | null
          id?: string
          note?: string | null
          occurrence_id: string
          queued_at?: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          added_by?: string | null
          attended?: boolean | null
          companions?: number
          created_at?: string
          guest_name?: string | null
          guest_phone?: string | null
          id?: string
          note?: string | null
          occurrence_id?: string
          queued_at?: string
          status?: Database["public"]["Enums"]["registration_status"]
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "registrations_added_by_fkey"
            columns: ["added_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "registrations_occurrence_id_fkey"
            columns: ["occurrence_id"]
            isOneToOne: false
            referencedRelation: "event_occurrences"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "registrations_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      reports: {
        Row: {
          created_at: string
          details: string | null
          event_id: string | null
          handled_at: string | null
          handled_by: string | null
          id: string
          note: string | null
          organization_id: string | null
          post_id: string | null
          reason: Database["public"]["Enums"]["report_reason"]
          reporter_id: string
          status: Database["public"]["Enums"]["report_status"]
          thanks_id: string | null
          thread_id: string | null
        }
        Insert: {
          created_at?: string
          details?: string | null
          event_id?: string | null
          handled_at?: string | null
          handled_by?: string | null
          id?: string
          note?: string | null
          organization_id?: string | null
          post_id?: string | null
          reason: Database["public"]["Enums"]["report_reason"]
          reporter_id?: string
          status?: Database["public"]["Enums"]["report_status"]
          thanks_id?: string | null
          thread_id?: string | null
        }
        Update: {
          created_at?: string
          details?: string | null
          event_id?: string | null
          handled_at?: string | null
          handled_by?: string | null
          id?: string
          note?: string | null
          organization_id?: string | null
          post_id?: string | null
          reason?: Database["public"]["Enums"]["report_reason"]
          reporter_id?: string
          status?: Database["public"]["Enums"]["report_status"]
          thanks_id?: string | null
          thread_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "reports_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_handled_by_fkey"
            columns: ["handled_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_reporter_id_fkey"
            columns: ["reporter_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_thanks_id_fkey"
            columns: ["thanks_id"]
            isOneToOne: false
            referencedRelation: "thanks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "threads"
            referencedColumns: ["id"]
          },
        ]
      }
      sessions: {
        Row: {
          absolute_expires_at: string
          created_at: string
          expires_at: string
          id: string
          ip: string | null
          last_seen_at: string
          user_agent: string | null
          user_id: string
        }
        Insert: {
          absolute_expires_at: string
          created_at?: string
          expires_at: string
          id: string
          ip?: string | null
          last_seen_at?: string
          user_agent?: string | null
          user_id: string
        }
        Update: {
          absolute_expires_at?: string
          created_at?: string
          expires_at?: string
          id?: string
          ip?: string | null
          last_seen_at?: string
          user_agent?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "sessions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      suspensions: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          lifted_at: string | null
          lifted_by: string | null
          reason: string
          starts_at: string
          until: string | null
          user_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          lifted_at?: string | null
          lifted_by?: string | null
          reason: string
          starts_at?: string
          until?: string | null
          user_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          lifted_at?: string | null
          lifted_by?: string | null
          reason?: string
          starts_at?: string
          until?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "suspensions_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "suspensions_lifted_by_fkey"
            columns: ["lifted_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "suspensions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      thanks: {
        Row: {
          created_at: string
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          message: string | null
          organization_id: string | null
          practice_id: string | null
          profile_id: string | null
          thanker_id: string
          tokyo_day: string
        }
        Insert: {
          created_at?: string
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          message?: string | null
          organization_id?: string | null
          practice_id?: string | null
          profile_id?: string | null
          thanker_id?: string
          tokyo_day?: string
        }
        Update: {
          created_at?: string
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          message?: string | null
          organization_id?: string | null
          practice_id?: string | null
          profile_id?: string | null
          thanker_id?: string
          tokyo_day?: string
        }
        Relationships: [
          {
            foreignKeyName: "thanks_hidden_by_fkey"
            columns: ["hidden_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "thanks_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "thanks_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "thanks_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "thanks_thanker_id_fkey"
            columns: ["thanker_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      thread_fields: {
        Row: {
          field_id: string
          thread_id: string
        }
        Insert: {
          field_id: string
          thread_id: string
        }
        Update: {
          field_id?: string
          thread_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "thread_fields_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "thread_fields_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "threads"
            referencedColumns: ["id"]
          },
        ]
      }
      thread_follows: {
        Row: {
          created_at: string
          following: boolean
          thread_id: string
          user_id: string
        }
        Insert: {
          created_at?: string
          following?: boolean
          thread_id: string
          user_id: string
        }
        Update: {
          created_at?: string
          following?: boolean
          thread_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "thread_follows_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "threads"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "thread_follows_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      threads: {
        Row: {
          area_id: string | null
          author_id: string | null
          created_at: string
          deleted_at: string | null
          event_id: string | null
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          inspired_by_practice_id: string | null
          is_question: boolean
          last_posted_at: string
          locked_at: string | null
          locked_by: string | null
          organization_id: string | null
          post_count: number
          practice_id: string | null
          reply_count: number
          search_text: string
          solved_post_id: string | null
          title: string
          thread_card: Json | null
        }
        Insert: {
          area_id?: string | null
          author_id?: string | null
          created_at?: string
          deleted_at?: string | null
          event_id?: string | null
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          inspired_by_practice_id?: string | null
          is_question?: boolean
          last_posted_at?: string
          locked_at?: string | null
          locked_by?: string | null
          organization_id?: string | null
          post_count?: number
          practice_id?: string | null
          reply_count?: number
          search_text?: string
          solved_post_id?: string | null
          title: string
        }
        Update: {
          area_id?: string | null
          author_id?: string | null
          created_at?: string
          deleted_at?: string | null
          event_id?: string | null
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          inspired_by_practice_id?: string | null
          is_question?: boolean
          last_posted_at?: string
          locked_at?: string | null
          locked_by?: string | null
          organization_id?: string | null
          post_count?: number
          practice_id?: string | null
          reply_count?: number
          search_text?: string
          solved_post_id?: string | null
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "threads_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: true
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_hidden_by_fkey"
            columns: ["hidden_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_inspired_by_practice_id_fkey"
            columns: ["inspired_by_practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_locked_by_fkey"
            columns: ["locked_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: true
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "threads_solved_post_fkey"
            columns: ["solved_post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      voice_fields: {
        Row: {
          field_id: string
          voice_id: string
        }
        Insert: {
          field_id: string
          voice_id: string
        }
        Update: {
          field_id?: string
          voice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "voice_fields_field_id_fkey"
            columns: ["field_id"]
            isOneToOne: false
            referencedRelation: "fields"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voice_fields_voice_id_fkey"
            columns: ["voice_id"]
            isOneToOne: false
            referencedRelation: "voices"
            referencedColumns: ["id"]
          },
        ]
      }
      voice_history: {
        Row: {
          answer: string
          changed_at: string
          changed_by: string | null
          id: number
          note: string | null
          status: Database["public"]["Enums"]["voice_status"]
          status_on: string
          taken_to: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name: string | null
          voice_id: string
        }
        Insert: {
          answer?: string
          changed_at?: string
          changed_by?: string | null
          id?: never
          note?: string | null
          status: Database["public"]["Enums"]["voice_status"]
          status_on: string
          taken_to?: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name?: string | null
          voice_id: string
        }
        Update: {
          answer?: string
          changed_at?: string
          changed_by?: string | null
          id?: never
          note?: string | null
          status?: Database["public"]["Enums"]["voice_status"]
          status_on?: string
          taken_to?: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name?: string | null
          voice_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "voice_history_changed_by_fkey"
            columns: ["changed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voice_history_voice_id_fkey"
            columns: ["voice_id"]
            isOneToOne: false
            referencedRelation: "voices"
            referencedColumns: ["id"]
          },
        ]
      }
      voices: {
        Row: {
          answer: string
          area_id: string | null
          body: string
          created_at: string
          created_by: string | null
          event_id: string
          id: string
          is_public: boolean
          occurrence_id: string
          practice_id: string | null
          raised_on: string
          search_text: string | null
          status: Database["public"]["Enums"]["voice_status"]
          status_note: string | null
          status_on: string
          taken_to: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name: string | null
          thread_id: string | null
          updated_at: string
        }
        Insert: {
          answer?: string
          area_id?: string | null
          body: string
          created_at?: string
          created_by?: string | null
          event_id: string
          id?: string
          is_public?: boolean
          occurrence_id: string
          practice_id?: string | null
          raised_on: string
          search_text?: never
          status?: Database["public"]["Enums"]["voice_status"]
          status_note?: string | null
          status_on: string
          taken_to?: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name?: string | null
          thread_id?: string | null
          updated_at?: string
        }
        Update: {
          answer?: string
          area_id?: string | null
          body?: string
          created_at?: string
          created_by?: string | null
          event_id?: string
          id?: string
          is_public?: boolean
          occurrence_id?: string
          practice_id?: string | null
          raised_on?: string
          search_text?: never
          status?: Database["public"]["Enums"]["voice_status"]
          status_note?: string | null
          status_on?: string
          taken_to?: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name?: string | null
          thread_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "voices_area_id_fkey"
            columns: ["area_id"]
            isOneToOne: false
            referencedRelation: "areas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voices_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voices_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voices_occurrence_date_fkey"
            columns: ["occurrence_id"]
            isOneToOne: false
            referencedRelation: "event_occurrences"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voices_occurrence_id_fkey"
            columns: ["occurrence_id"]
            isOneToOne: false
            referencedRelation: "occurrence_records"
            referencedColumns: ["occurrence_id"]
          },
          {
            foreignKeyName: "voices_practice_id_fkey"
            columns: ["practice_id"]
            isOneToOne: false
            referencedRelation: "practices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voices_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "threads"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      reading_table: {
        Row: {
          id: string | null
          note: string | null
          reading: string | null
          source: string | null
          updated_at: string | null
          word: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      accept_cohost_invitation: {
        Args: { p_event: string; p_organization: string }
        Returns: undefined
      }
      accept_organization_invitation: {
        Args: { p_invitation?: string; p_token_hash?: string }
        Returns: string
      }
      account_mail_throttle: {
        Args: {
          p_email: string
          p_ip: string
          p_kind: string
          p_per_ip: boolean
        }
        Returns: number
      }
      account_token_email: {
        Args: { p_purpose: string; p_token: string }
        Returns: string
      }
      add_guest_registration: {
        Args: {
          p_companions?: number
          p_name: string
          p_note?: string
          p_occurrence: string
          p_phone?: string
        }
        Returns: {
          added_by: string | null
          attended: boolean | null
          companions: number
          created_at: string
          guest_name: string | null
          guest_phone: string | null
          id: string
          note: string | null
          occurrence_id: string
          queued_at: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at: string
          user_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "registrations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      author_names: {
        Args: { p_ids: string[] }
        Returns: {
          display_name: string
          user_id: string
        }[]
      }
      award_card: {
        Args: { a: Database["public"]["Tables"]["awards"]["Row"] }
        Returns: Json
      }
      award_fiscal_years: {
        Args: Record<PropertyKey, never>
        Returns: number[]
      }
      award_timeline: {
        Args: {
          p_area?: string
          p_field?: string
          p_fiscal_year?: number
          p_limit?: number
          p_offset?: number
        }
        Returns: {
          awarded_on: string
          citation: string
          created_at: string
          created_by: string | null
          event_id: string | null
          fiscal_year: number | null
          id: string
          name: string
          nomination_id: string | null
          organization_id: string | null
          practice_id: string | null
          profile_id: string | null
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "awards"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      calendar_month: {
        Args: {
          p_area?: string
          p_field?: string
          p_from: string
          p_kind?: Database["public"]["Enums"]["event_kind"]
          p_organization?: string
          p_per_day?: number
          p_q?: string
          p_to: string
        }
        Returns: {
          dates: Json
          day: string
          total: number
        }[]
      }
      cancel_registration: {
        Args: { p_registration: string }
        Returns: undefined
      }
      card_event: {
        Args: { o: Database["public"]["Tables"]["event_occurrences"]["Row"] }
        Returns: Json
      }
      close_nomination: {
        Args: { p_nomination: string; p_note?: string }
        Returns: undefined
      }
      confirm_email_change: {
        Args: { p_revert_token: string; p_token: string }
        Returns: string
      }
      confirm_place: { Args: { p_place: string }; Returns: string }
      count_event_series: {
        Args: {
          p_area?: string
          p_cap?: number
          p_easy?: boolean
          p_field?: string
          p_from: string
          p_kind?: Database["public"]["Enums"]["event_kind"]
          p_online?: boolean
          p_organization?: string
          p_q?: string
          p_seats_left?: boolean
          p_to?: string
        }
        Returns: number
      }
      count_places: {
        Args: {
          p_area?: string
          p_audience?: string
          p_cap?: number
          p_day?: number
          p_easy?: boolean
          p_free?: boolean
          p_kind?: string
          p_meals?: boolean
          p_organization?: string
          p_q?: string
          p_transport?: boolean
        }
        Returns: number
      }
      count_practices: {
        Args: {
          p_area?: string
          p_audience?: string
          p_cap?: number
          p_easy?: boolean
          p_field?: string
          p_org_kind?: Database["public"]["Enums"]["organization_kind"]
          p_organization?: string
          p_q?: string
        }
        Returns: number
      }
      count_threads: {
        Args: {
          p_area?: string
          p_cap?: number
          p_field?: string
          p_organization?: string
          p_q?: string
          p_unanswered?: boolean
        }
        Returns: number
      }
      create_account: {
        Args: {
          p_display_name: string
          p_email: string
          p_password_hash: string
        }
        Returns: string
      }
      create_organization: {
        Args: {
          p_area_ids: string[]
          p_contact_email: string
          p_contact_phone: string
          p_description: string
          p_field_ids: string[]
          p_kana: string
          p_kind: Database["public"]["Enums"]["organization_kind"]
          p_municipality_wide: boolean
          p_name: string
          p_slug: string
          p_website: string
        }
        Returns: {
          contact_email: string | null
          contact_phone: string | null
          created_at: string
          created_by: string | null
          description: string
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          kana: string | null
          kind: Database["public"]["Enums"]["organization_kind"]
          logo_image_hash: string | null
          municipality_wide: boolean
          name: string
          search_text: string | null
          slug: string
          sort_key: string | null
          updated_at: string
          verified_at: string | null
          verified_by: string | null
          website: string | null
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_thread: {
        Args: {
          p_area?: string
          p_body: string
          p_body_html: string
          p_field_ids?: string[]
          p_is_question?: boolean
          p_organization?: string
          p_title: string
        }
        Returns: string
      }
      decline_cohost_invitation: {
        Args: { p_event: string; p_organization: string }
        Returns: undefined
      }
      delete_reading_word: { Args: { p_id: string }; Returns: undefined }
      dismiss_report: {
        Args: { p_note?: string; p_report: string }
        Returns: undefined
      }
      event_detail: {
        Args: { e: Database["public"]["Tables"]["events"]["Row"] }
        Returns: Json
      }
      event_page: {
        Args: { e: Database["public"]["Tables"]["events"]["Row"] }
        Returns: Json
      }
      event_thread: { Args: { p_event: string }; Returns: string }
      events_version:
        | {
            Args: { e: Database["public"]["Tables"]["events"]["Row"] }
            Returns: number
          }
        | {
            Args: { o: Database["public"]["Tables"]["organizations"]["Row"] }
            Returns: number
          }
      feed_dates: {
        Args: {
          p_area?: string
          p_field?: string
          p_from: string
          p_kind?: Database["public"]["Enums"]["event_kind"]
          p_limit?: number
          p_offset?: number
          p_online?: boolean
          p_organization?: string
          p_q?: string
          p_seats_left?: boolean
          p_to?: string
        }
        Returns: {
          all_day: boolean
          id: string
          version: string
        }[]
      }
      feed_items: {
        Args: { p_ids: string[] }
        Returns: {
          id: string
          item: Json
          version: string
        }[]
      }
      find_voices: {
        Args: {
          p_area?: string
          p_field?: string
          p_from?: string
          p_q?: string
          p_status?: Database["public"]["Enums"]["voice_status"]
          p_to?: string
        }
        Returns: {
          answer: string
          area_id: string | null
          body: string
          created_at: string
          created_by: string | null
          event_id: string
          id: string
          is_public: boolean
          occurrence_id: string
          practice_id: string | null
          raised_on: string
          search_text: string | null
          status: Database["public"]["Enums"]["voice_status"]
          status_note: string | null
          status_on: string
          taken_to: Database["public"]["Enums"]["voice_destination"] | null
          taken_to_name: string | null
          thread_id: string | null
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "voices"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      furigana_requeue_word: { Args: { p_word: string }; Returns: number }
      further_dates: {
        Args: { o: Database["public"]["Tables"]["event_occurrences"]["Row"] }
        Returns: number
      }
      handle_report: {
        Args: { p_note?: string; p_report: string }
        Returns: undefined
      }
      hide_post: {
        Args: { p_post: string; p_reason: string }
        Returns: undefined
      }
      hide_thanks: {
        Args: { p_reason: string; p_thanks: string }
        Returns: undefined
      }
      hide_thread: {
        Args: { p_reason: string; p_thread: string }
        Returns: undefined
      }
      home_event_series: {
        Args: { p_from: string; p_limit?: number }
        Returns: {
          area_id: string | null
          cancel_reason: string | null
          ends_at: string
          event_id: string
          going_count: number
          id: string
          organization_id: string | null
          original_starts_at: string
          sequence: number
          starts_at: string
          status: Database["public"]["Enums"]["occurrence_status"]
          waiting_count: number
        }[]
        SetofOptions: {
          from: "*"
          to: "event_occurrences"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      home_sections: { Args: Record<PropertyKey, never>; Returns: Json }
      import_places: { Args: { p_rows: Json }; Returns: number }
      inspire_thread: {
        Args: {
          p_area?: string
          p_body: string
          p_body_html: string
          p_field_ids?: string[]
          p_practice: string
          p_title: string
        }
        Returns: string
      }
      invite_organization_member: {
        Args: {
          p_email: string
          p_org: string
          p_role: Database["public"]["Enums"]["organization_role"]
        }
        Returns: string
      }
      item_comments: {
        Args: {
          p_event?: string
          p_last?: number
          p_mentions?: number
          p_practice?: string
        }
        Returns: Json
      }
      join_occurrence: {
        Args: { p_companions?: number; p_occurrence: string }
        Returns: {
          added_by: string | null
          attended: boolean | null
          companions: number
          created_at: string
          guest_name: string | null
          guest_phone: string | null
          id: string
          note: string | null
          occurrence_id: string
          queued_at: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at: string
          user_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "registrations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      lift_suspension: {
        Args: { p_reason?: string; p_user: string }
        Returns: undefined
      }
      lock_thread: {
        Args: { p_reason?: string; p_thread: string }
        Returns: undefined
      }
      login_throttle: {
        Args: {
          p_email: string
          p_ip: string
          p_kind: string
          p_per_ip: boolean
        }
        Returns: {
          delay_seconds: number
          retry_after: number
        }[]
      }
      mail_digest_events: {
        Args: {
          p_from: string
          p_new_since?: string
          p_new_until?: string
          p_to: string
          p_user: string
        }
        Returns: {
          all_day: boolean
          dates_in_window: number
          ends_at: string
          event_id: string
          online_url: string
          organizer: string
          reasons: Json
          starts_at: string
          title: string
          venue_address: string
          venue_name: string
        }[]
      }
      mail_log_begin: {
        Args: {
          p_job_id: number
          p_job_key: string
          p_kind: string
          p_once_key: string
          p_user: string
        }
        Returns: string
      }
      mail_mark_bounced: {
        Args: { p_address: string; p_user: string }
        Returns: boolean
      }
      mail_wanted: {
        Args: { p_kind: string; p_user: string }
        Returns: boolean
      }
      mark_solved: {
        Args: { p_post?: string; p_thread: string }
        Returns: undefined
      }
      member_count: {
        Args: { o: Database["public"]["Tables"]["organizations"]["Row"] }
        Returns: number
      }
      move_voice: {
        Args: {
          p_answer?: string
          p_note?: string
          p_status: Database["public"]["Enums"]["voice_status"]
          p_status_on: string
          p_taken_to?: Database["public"]["Enums"]["voice_destination"]
          p_taken_to_name?: string
          p_voice: string
        }
        Returns: undefined
      }
      my_email_bounced_at: { Args: Record<PropertyKey, never>; Returns: string }
      my_notification_preferences: {
        Args: Record<PropertyKey, never>
        Returns: {
          changes_cancellations: boolean
          confirmations: boolean
          digest_frequency: string
          follows_something: boolean
          invitations: boolean
          mentions: boolean
          moderation: boolean
          practices_recognition: boolean
          promotions: boolean
          reminders: boolean
          thread_replies: boolean
        }[]
      }
      my_stale_places: {
        Args: { p_limit?: number; p_now?: string }
        Returns: {
          accessibility: string | null
          address: string | null
          area_id: string | null
          audiences: string[]
          capacity: number | null
          closed_days: string | null
          confirmed_at: string
          confirmed_by: string | null
          created_at: string
          created_by: string | null
          description: string | null
          easy_body: string | null
          easy_summary: string | null
          email: string | null
          fee: string | null
          fee_free: boolean | null
          food_allowed: boolean | null
          hours_note: string | null
          id: string
          import_key: string | null
          kinds: string[]
          latitude: number | null
          longitude: number | null
          meals_provided: boolean | null
          name: string
          name_kana: string | null
          open_days: number[]
          organization_id: string | null
          phone: string | null
          published: boolean
          search_text: string | null
          sort_key: string | null
          transport: boolean | null
          updated_at: string
          url: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "places"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      occurrence_attendance: { Args: { p_occurrence: string }; Returns: number }
      opendata_events: {
        Args: {
          p_after_id?: string
          p_after_starts_at?: string
          p_from: string
          p_limit?: number
        }
        Returns: {
          accessibility: string
          all_day: boolean
          area_name: string
          audience_note: string
          capacity: number
          contact_name: string
          contact_phone: string
          deadline_note: string
          ends_at: string
          event_id: string
          fee: string
          field_names: string[]
          how_to_apply: string
          occurrence_id: string
          online_url: string
          organization_name: string
          registration_closes_at: string
          rrule: string
          starts_at: string
          summary: string
          title: string
          venue_address: string
          venue_name: string
        }[]
      }
      organization_invitation_preview: {
        Args: { p_token_hash: string }
        Returns: {
          organization_name: string
          organization_slug: string
          role: Database["public"]["Enums"]["organization_role"]
          valid: boolean
        }[]
      }
      organization_links: {
        Args: { o: Database["public"]["Tables"]["organizations"]["Row"] }
        Returns: Json
      }
      organization_member_count: { Args: { p_org: string }; Returns: number }
      organization_page: {
        Args: { o: Database["public"]["Tables"]["organizations"]["Row"] }
        Returns: Json
      }
      practice_card: {
        Args: { p: Database["public"]["Tables"]["practices"]["Row"] }
        Returns: Json
      }
      practice_thread: { Args: { p_practice: string }; Returns: string }
      practices_changed_since_publication: {
        Args: { p_limit?: number }
        Returns: {
          current: Json
          id: string
          lead_organization_id: string
          published: Json
          published_at: string
          title: string
          updated_at: string
        }[]
      }
      public_events_version: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      public_practices_version: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      publish_practice: { Args: { p_id: string }; Returns: undefined }
      quiet_areas: {
        Args: { p_days?: number }
        Returns: {
          created_at: string
          description: string
          id: string
          kana: string | null
          name_en: string
          name_ja: string
          retired_at: string | null
          slug: string
          sort_order: number
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "areas"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      recent_posts_by_authors: {
        Args: { p_authors: string[]; p_limit?: number }
        Returns: {
          author_id: string | null
          body: string
          body_html: string
          created_at: string
          deleted_at: string | null
          edited_at: string | null
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          mentioned_ids: string[]
          position: number
          quote_of: string | null
          thread_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "posts"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      record_login_attempt: {
        Args: {
          p_email: string
          p_ip: string
          p_kind: string
          p_succeeded: boolean
        }
        Returns: undefined
      }
      reorder_areas: { Args: { p_ids: string[] }; Returns: undefined }
      reorder_fields: { Args: { p_ids: string[] }; Returns: undefined }
      report_place_correction: {
        Args: { p_body: string; p_place: string }
        Returns: string
      }
      report_queue: {
        Args: { p_limit?: number; p_offset?: number }
        Returns: {
          author_id: string
          author_name: string
          body: string
          details: string[]
          event_id: string
          first_reported_at: string
          item_deleted: boolean
          item_hidden: boolean
          item_id: string
          item_kind: string
          organization_id: string
          personal_info: boolean
          post_id: string
          post_position: number
          reasons: Database["public"]["Enums"]["report_reason"][]
          report_ids: string[]
          reporters: number
          thanks_id: string
          thread_id: string
          thread_locked: boolean
          title: string
        }[]
      }
      request_email_change: {
        Args: { p_new_email: string; p_token: string; p_user: string }
        Returns: undefined
      }
      request_email_verification: {
        Args: { p_token: string; p_user: string }
        Returns: boolean
      }
      request_password_reset: {
        Args: { p_email: string; p_token: string }
        Returns: undefined
      }
      reset_password: {
        Args: { p_password_hash: string; p_token: string }
        Returns: string
      }
      resolve_place_correction: {
        Args: { p_correction: string }
        Returns: undefined
      }
      restore_post: {
        Args: { p_post: string; p_reason?: string }
        Returns: undefined
      }
      restore_thanks: {
        Args: { p_reason?: string; p_thanks: string }
        Returns: undefined
      }
      restore_thread: {
        Args: { p_reason?: string; p_thread: string }
        Returns: undefined
      }
      return_practice: {
        Args: { p_comment: string; p_id: string }
        Returns: undefined
      }
      revert_email_change: {
        Args: { p_reset_token: string; p_token: string }
        Returns: string
      }
      save_easy_version: {
        Args: {
          p_body: string
          p_id: string
          p_subject: string
          p_summary: string
        }
        Returns: undefined
      }
      save_event: {
        Args: {
          p_cohost_ids: string[]
          p_event: Json
          p_field_ids: string[]
          p_id: string
          p_occurrences: Json
        }
        Returns: string
      }
      save_image: {
        Args: {
          p_hash: string
          p_height: number
          p_uploaded_by: string
          p_variants: Json
          p_width: number
        }
        Returns: string
      }
      save_occurrence_record: {
        Args: { p_headcounts: Json; p_occurrence: string; p_record: Json }
        Returns: number
      }
      save_place: { Args: { p: Json }; Returns: string }
      save_practice: { Args: { p: Json }; Returns: string }
      save_programme: {
        Args: {
          p_event: string
          p_items: Json
          p_programme?: string
          p_public: boolean
          p_title: string
        }
        Returns: string
      }
      save_reading_word: {
        Args: {
          p_id?: string
          p_note?: string
          p_reading: string
          p_word: string
        }
        Returns: string
      }
      save_voice: {
        Args: { p_data: Json; p_occurrence?: string; p_voice?: string }
        Returns: string
      }
      search_area_towns: {
        Args: { p_limit?: number; p_q: string }
        Returns: {
          area_id: string
          kana: string
          name: string
        }[]
      }
      search_event_series: {
        Args: {
          p_area?: string
          p_easy?: boolean
          p_field?: string
          p_from: string
          p_kind?: Database["public"]["Enums"]["event_kind"]
          p_limit?: number
          p_offset?: number
          p_online?: boolean
          p_organization?: string
          p_q?: string
          p_seats_left?: boolean
          p_to?: string
        }
        Returns: {
          further: number
          occurrence_id: string
        }[]
      }
      search_occurrences: {
        Args: {
          p_area?: string
          p_field?: string
          p_from: string
          p_kind?: Database["public"]["Enums"]["event_kind"]
          p_limit?: number
          p_offset?: number
          p_online?: boolean
          p_organization?: string
          p_q?: string
          p_seats_left?: boolean
          p_to?: string
        }
        Returns: {
          area_id: string | null
          cancel_reason: string | null
          ends_at: string
          event_id: string
          going_count: number
          id: string
          organization_id: string | null
          original_starts_at: string
          sequence: number
          starts_at: string
          status: Database["public"]["Enums"]["occurrence_status"]
          waiting_count: number
        }[]
        SetofOptions: {
          from: "*"
          to: "event_occurrences"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_organizations: {
        Args: {
          p_area?: string
          p_field?: string
          p_hidden?: boolean
          p_kind?: Database["public"]["Enums"]["organization_kind"]
          p_q?: string
        }
        Returns: {
          contact_email: string | null
          contact_phone: string | null
          created_at: string
          created_by: string | null
          description: string
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          kana: string | null
          kind: Database["public"]["Enums"]["organization_kind"]
          logo_image_hash: string | null
          municipality_wide: boolean
          name: string
          search_text: string | null
          slug: string
          sort_key: string | null
          updated_at: string
          verified_at: string | null
          verified_by: string | null
          website: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_places: {
        Args: {
          p_area?: string
          p_audience?: string
          p_day?: number
          p_easy?: boolean
          p_free?: boolean
          p_kind?: string
          p_limit?: number
          p_meals?: boolean
          p_offset?: number
          p_organization?: string
          p_q?: string
          p_transport?: boolean
        }
        Returns: {
          accessibility: string | null
          address: string | null
          area_id: string | null
          audiences: string[]
          capacity: number | null
          closed_days: string | null
          confirmed_at: string
          confirmed_by: string | null
          created_at: string
          created_by: string | null
          description: string | null
          easy_body: string | null
          easy_summary: string | null
          email: string | null
          fee: string | null
          fee_free: boolean | null
          food_allowed: boolean | null
          hours_note: string | null
          id: string
          import_key: string | null
          kinds: string[]
          latitude: number | null
          longitude: number | null
          meals_provided: boolean | null
          name: string
          name_kana: string | null
          open_days: number[]
          organization_id: string | null
          phone: string | null
          published: boolean
          search_text: string | null
          sort_key: string | null
          transport: boolean | null
          updated_at: string
          url: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "places"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_practices: {
        Args: {
          p_area?: string
          p_audience?: string
          p_easy?: boolean
          p_field?: string
          p_limit?: number
          p_offset?: number
          p_org_kind?: Database["public"]["Enums"]["organization_kind"]
          p_organization?: string
          p_q?: string
        }
        Returns: {
          audience_note: string | null
          audiences: string[]
          author_id: string | null
          cost: string | null
          created_at: string
          easy_body: string | null
          easy_summary: string | null
          ended_on: string | null
          featured_position: number | null
          frequency: string | null
          funding: string | null
          id: string
          lead_organization_id: string
          published_at: string | null
          published_by: string | null
          published_snapshot: Json | null
          review_comment: string | null
          reviewed_at: string | null
          reviewed_by: string | null
          search_text: string | null
          started_on: string
          status: Database["public"]["Enums"]["practice_status"]
          story_activities: string | null
          story_challenges: string | null
          story_contact: string | null
          story_next: string | null
          story_origin: string | null
          story_outcomes: string | null
          story_tips: string | null
          submitted_at: string | null
          summary: string
          title: string
          updated_at: string
          venue: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "practices"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_threads: {
        Args: {
          p_area?: string
          p_field?: string
          p_limit?: number
          p_offset?: number
          p_organization?: string
          p_q?: string
          p_unanswered?: boolean
        }
        Returns: {
          area_id: string | null
          author_id: string | null
          created_at: string
          deleted_at: string | null
          event_id: string | null
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          inspired_by_practice_id: string | null
          is_question: boolean
          last_posted_at: string
          locked_at: string | null
          locked_by: string | null
          organization_id: string | null
          post_count: number
          practice_id: string | null
          reply_count: number
          search_text: string
          solved_post_id: string | null
          title: string
        }[]
        SetofOptions: {
          from: "*"
          to: "threads"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      set_featured_practices: { Args: { p_ids: string[] }; Returns: undefined }
      set_thread_following: {
        Args: { p_following: boolean; p_thread: string }
        Returns: undefined
      }
      sign_up: {
        Args: {
          p_display_name: string
          p_email: string
          p_password_hash: string
          p_token: string
        }
        Returns: string
      }
      submit_practice: { Args: { p_id: string }; Returns: undefined }
      suspend_member: {
        Args: {
          p_days?: number
          p_reason: string
          p_report?: string
          p_user: string
        }
        Returns: string
      }
      thanker_names: {
        Args: { p_ids: string[] }
        Returns: {
          display_name: string
          user_id: string
        }[]
      }
      thanks_summary: {
        Args: {
          p_limit?: number
          p_organization?: string
          p_practice?: string
          p_profile?: string
        }
        Returns: Json
      }
      thread_card: {
        Args: { t: Database["public"]["Tables"]["threads"]["Row"] }
        Returns: Json
      }
      thread_page: {
        Args: {
          p_last?: number
          p_mentions?: number
          p_page?: number
          p_thread: string
        }
        Returns: Json
      }
      thread_participants: {
        Args: { p_thread: string }
        Returns: {
          display_name: string
          user_id: string
        }[]
      }
      thread_posts: {
        Args: { p_page?: number; p_thread: string }
        Returns: {
          author_id: string
          author_name: string
          body: string
          body_html: string
          created_at: string
          edited_at: string
          hidden_reason: string
          id: string
          post_position: number
          quote_author_name: string
          quote_of: string
          quote_position: number
          state: string
        }[]
      }
      transfer_organization_ownership: {
        Args: { p_org: string; p_to: string }
        Returns: undefined
      }
      unlock_thread: {
        Args: { p_reason?: string; p_thread: string }
        Returns: undefined
      }
      unsubscribe_mail: {
        Args: { p_kind: string; p_user: string }
        Returns: boolean
      }
      update_my_profile: {
        Args: {
          p_area_ids: string[]
          p_bio: string
          p_field_ids: string[]
          p_listed: boolean
        }
        Returns: undefined
      }
      update_organization: {
        Args: {
          p_area_ids: string[]
          p_contact_email: string
          p_contact_phone: string
          p_description: string
          p_field_ids: string[]
          p_id: string
          p_kana: string
          p_kind: Database["public"]["Enums"]["organization_kind"]
          p_municipality_wide: boolean
          p_name: string
          p_website: string
        }
        Returns: {
          contact_email: string | null
          contact_phone: string | null
          created_at: string
          created_by: string | null
          description: string
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          kana: string | null
          kind: Database["public"]["Enums"]["organization_kind"]
          logo_image_hash: string | null
          municipality_wide: boolean
          name: string
          search_text: string | null
          slug: string
          sort_key: string | null
          updated_at: string
          verified_at: string | null
          verified_by: string | null
          website: string | null
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      validate_session: {
        Args: { p_id: string }
        Returns: {
          display_name: string
          email_verified: boolean
          expires_at: string
          memberships: Json
          refreshed: boolean
          role: Database["public"]["Enums"]["app_role"]
          session_id: string
          suspension: Json
          unread_notifications: number
          user_id: string
        }[]
      }
      verify_email: { Args: { p_token: string }; Returns: string }
      waitlist_position: {
        Args: { r: Database["public"]["Tables"]["registrations"]["Row"] }
        Returns: number
      }
      year_report: { Args: { p_area?: string; p_year: number }; Returns: Json }
      year_report_areas: {
        Args: { p_year: number }
        Returns: {
          area_id: string
          attendance: number
          dates: number
          events: number
          unique_people: number
          voices: number
        }[]
      }
    }
    Enums: {
      app_role: "member" | "coordinator" | "admin"
      event_kind:
        | "forum"
        | "salon"
        | "workshop"
        | "meeting"
        | "volunteer"
        | "other"
      event_status: "draft" | "published" | "cancelled"
      occurrence_status: "scheduled" | "cancelled"
      organization_kind:
        | "resident_group"
        | "npo"
        | "social_welfare"
        | "business"
        | "municipality"
        | "school"
        | "care_provider"
        | "other"
      organization_role: "owner" | "editor" | "member"
      participant_kind:
        | "resident"
        | "neighbourhood"
        | "commissioner"
        | "volunteer"
        | "council"
        | "care_centre"
        | "business"
        | "government"
        | "professional"
        | "student"
        | "other"
      practice_status: "draft" | "submitted" | "returned" | "published"
      registration_status: "going" | "waitlisted" | "cancelled"
      report_reason: "spam" | "harassment" | "personal_info" | "other"
      report_status: "open" | "handled" | "dismissed"
      voice_destination:
        | "area_council"
        | "care_meeting"
        | "department"
        | "organization"
      voice_status:
        | "received"
        | "considering"
        | "answered"
        | "reflected"
        | "declined"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      app_role: ["member", "coordinator", "admin"],
      event_kind: [
        "forum",
        "salon",
        "workshop",
        "meeting",
        "volunteer",
        "other",
      ],
      event_status: ["draft", "published", "cancelled"],
      occurrence_status: ["scheduled", "cancelled"],
      organization_kind: [
        "resident_group",
        "npo",
        "social_welfare",
        "business",
        "municipality",
        "school",
        "care_provider",
        "other",
      ],
      organization_role: ["owner", "editor", "member"],
      participant_kind: [
        "resident",
        "neighbourhood",
        "commissioner",
        "volunteer",
        "council",
        "care_centre",
        "business",
        "government",
        "professional",
        "student",
        "other",
      ],
      practice_status: ["draft", "submitted", "returned", "published"],
      registration_status: ["going", "waitlisted", "cancelled"],
      report_reason: ["spam", "harassment", "personal_info", "other"],
      report_status: ["open", "handled", "dismissed"],
      voice_destination: [
        "area_council",
        "care_meeting",
        "department",
        "organization",
      ],
      voice_status: [
        "received",
        "considering",
        "answered",
        "reflected",
        "declined",
      ],
    },
  },
} as const

