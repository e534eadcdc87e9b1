import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SessionRosterView as SessionRosterView_36225140e7ec330eb64aef2310b1ce72 } from '../../../components/SessionRoster/index.tsx'
import { RatingSummary as RatingSummary_bbbfcacf4f1cbfb47822fe86b62c62b3 } from '../../../components/RatingSummary/index.tsx'
import { OrderActions as OrderActions_19d76752117dfa9e6154f8d1041c604e } from '../../../components/OrderActions/index.tsx'
import { OrderDispatch as OrderDispatch_5758ed4b90de7724b8edc70ebbef0f65 } from '../../../components/OrderDispatch/index.tsx'
import { DemandCounts as DemandCounts_f67b1b836914e5479c10f21f15c91e64 } from '../../../components/DemandCounts/index.tsx'
import { HolidayRosterView as HolidayRosterView_75600c26f91b4561cc8aaec16ee35297 } from '../../../components/HolidayRoster/index.tsx'
import { ReportsIntro as ReportsIntro_5302f320093f75fb1a41d5a193a40812 } from '../../../components/ImpactDashboard/ReportsIntro.tsx'
import { PasswordField as PasswordField_3817bf644402e67bfe6577f60ef982de } from '@payloadcms/ui'
import { SiteBuildStatus as SiteBuildStatus_6be4b197ba3f085565cca103315b0bcb } from '../../../components/SiteBuildStatus/index.tsx'
import { Icon as Icon_5d753751d8a6636818a5a2f21e5701ab } from '../../../components/Brand/index.tsx'
import { Logo as Logo_5d753751d8a6636818a5a2f21e5701ab } from '../../../components/Brand/index.tsx'
import { BackupStatus as BackupStatus_f1ba97d63ceff8e150ef06fbbe7e7085 } from '../../../components/BackupStatus/index.tsx'
import { AdminDashboard as AdminDashboard_49c9dd7f0f048505fe595e4cf0529c0c } from '../../../components/AdminDashboard/index.tsx'
import { ImpactDashboard as ImpactDashboard_63d48dd2436ac6398e4f74aff1eb22de } from '../../../components/ImpactDashboard/index.tsx'
import { DispatchQueue as DispatchQueue_804e4b25d8769f3de62e14b7a2c60a79 } from '../../../components/DispatchQueue/index.tsx'
import { ImpactReportView as ImpactReportView_d35edf474ca2904dc8b18b75d8f7bdce } from '../../../components/ImpactDashboard/ReportView.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/SessionRoster/index.tsx#SessionRosterView": SessionRosterView_36225140e7ec330eb64aef2310b1ce72,
  "/components/RatingSummary/index.tsx#RatingSummary": RatingSummary_bbbfcacf4f1cbfb47822fe86b62c62b3,
  "/components/OrderActions/index.tsx#OrderActions": OrderActions_19d76752117dfa9e6154f8d1041c604e,
  "/components/OrderDispatch/index.tsx#OrderDispatch": OrderDispatch_5758ed4b90de7724b8edc70ebbef0f65,
  "/components/DemandCounts/index.tsx#DemandCounts": DemandCounts_f67b1b836914e5479c10f21f15c91e64,
  "/components/HolidayRoster/index.tsx#HolidayRosterView": HolidayRosterView_75600c26f91b4561cc8aaec16ee35297,
  "/components/ImpactDashboard/ReportsIntro.tsx#ReportsIntro": ReportsIntro_5302f320093f75fb1a41d5a193a40812,
  "@payloadcms/ui#PasswordField": PasswordField_3817bf644402e67bfe6577f60ef982de,
  "/components/SiteBuildStatus/index.tsx#SiteBuildStatus": SiteBuildStatus_6be4b197ba3f085565cca103315b0bcb,
  "/components/Brand/index.tsx#Icon": Icon_5d753751d8a6636818a5a2f21e5701ab,
  "/components/Brand/index.tsx#Logo": Logo_5d753751d8a6636818a5a2f21e5701ab,
  "/components/BackupStatus/index.tsx#BackupStatus": BackupStatus_f1ba97d63ceff8e150ef06fbbe7e7085,
  "/components/AdminDashboard/index.tsx#AdminDashboard": AdminDashboard_49c9dd7f0f048505fe595e4cf0529c0c,
  "/components/ImpactDashboard/index.tsx#ImpactDashboard": ImpactDashboard_63d48dd2436ac6398e4f74aff1eb22de,
  "/components/DispatchQueue/index.tsx#DispatchQueue": DispatchQueue_804e4b25d8769f3de62e14b7a2c60a79,
  "/components/ImpactDashboard/ReportView.tsx#ImpactReportView": ImpactReportView_d35edf474ca2904dc8b18b75d8f7bdce,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
