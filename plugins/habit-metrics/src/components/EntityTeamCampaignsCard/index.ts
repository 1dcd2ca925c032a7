export { EntityTeamCampaignsCard } from './EntityTeamCampaignsCard';
