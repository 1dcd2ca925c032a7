// Generated from openapi.yaml by scripts/generate-openapi.mjs: edit the YAML, then run `yarn openapi:generate`.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "habit-metrics",
    "version": "1.0.0",
    "description": "Habit metrics of Platform Product Kit: whether new ways of working stick, team by team and week by week. Every route needs a user or service token. Only team-level figures leave this API: user refs sent with events are resolved to the user's teams and dropped, and no route returns anyone's individual activity. Weeks are ISO weeks named by their Monday (YYYY-MM-DD, UTC); `from` and `to` are snapped to the start of their week, default to the last 26 weeks up to the current one, and may span at most 156 weeks.",
    "license": {
      "name": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "parameters": {
      "from": {
        "name": "from",
        "in": "query",
        "description": "First week (a date, snapped to its Monday). Default 25 weeks before `to`.",
        "schema": {
          "type": "string",
          "maxLength": 10,
          "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
        }
      },
      "to": {
        "name": "to",
        "in": "query",
        "description": "Last week (a date, snapped to its Monday). Default the current week.",
        "schema": {
          "type": "string",
          "maxLength": 10,
          "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
        }
      },
      "capability": {
        "name": "capability",
        "in": "query",
        "description": "Entity ref of a platform capability, e.g. system:default/service-golden-path: any kind, written with it, and a namespace and name the catalog accepts.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "description": "An entity kind (letters and digits, starting with a letter), e.g. system.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 63
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "description": "An entity namespace as the catalog accepts it (letters, digits and \"-\", at most 63). The path segments are read together as one entity ref by the suite's ref rule, whose 400 says what is wrong with it.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 63
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "description": "An entity name as the catalog accepts it (letters, digits, \"-\", \"_\" and \".\", at most 63).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 63
        }
      },
      "campaignId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "A campaign id (a UUID).",
        "schema": {
          "type": "string",
          "minLength": 36,
          "maxLength": 36,
          "pattern": "^[0-9a-f-]{36}$"
        }
      }
    },
    "responses": {
      "Error": {
        "description": "A Backstage error body",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "message"
            ]
          },
          "response": {
            "type": "object",
            "properties": {
              "statusCode": {
                "type": "number"
              }
            }
          }
        }
      },
      "HabitEvent": {
        "type": "object",
        "description": "One activity. Give teamRef (a Group) or userRef (resolved to the user's teams, then dropped). A user caller may only send events for themselves and their own teams; a service caller needs habit-metrics.events.write like anyone (a plugin's own token has it; an external-access token only if its access restrictions allow it).",
        "properties": {
          "source": {
            "type": "string",
            "maxLength": 100,
            "pattern": "^[a-z0-9][a-z0-9._:-]*$",
            "description": "Where it comes from: analytics, ci, a plugin id…"
          },
          "kind": {
            "type": "string",
            "maxLength": 100,
            "pattern": "^[a-z0-9][a-z0-9._:-]*$",
            "description": "What happened, e.g. template-run, capability-view, mvp-launch"
          },
          "way": {
            "type": "string",
            "enum": [
              "new",
              "old"
            ]
          },
          "capabilityRef": {
            "type": "string",
            "maxLength": 255,
            "description": "Any kind, e.g. system:default/ci"
          },
          "templateRef": {
            "type": "string",
            "maxLength": 255,
            "description": "A Template"
          },
          "teamRef": {
            "type": "string",
            "maxLength": 255,
            "description": "A Group"
          },
          "userRef": {
            "type": "string",
            "maxLength": 255,
            "description": "A User"
          },
          "at": {
            "type": "string",
            "maxLength": 40,
            "description": "ISO date-time with Z or an offset; default the time of receipt"
          },
          "idempotencyKey": {
            "type": "string",
            "maxLength": 200,
            "description": "Events with a key already recorded are ignored"
          }
        },
        "required": [
          "source",
          "kind",
          "way"
        ],
        "additionalProperties": false
      },
      "EventsBody": {
        "type": "object",
        "description": "One HabitEvent, or `{ \"events\": [HabitEvent, …] }` with at most 500 events. Checked as a whole against HabitEvent (habit-metrics-common validateHabitEventBatch: the suite's text and ref rules, lengths, unknown fields): when any event is invalid the answer is 400 listing every problem with the event it is in, and nothing is stored.",
        "properties": {
          "events": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "type": "object"
            }
          }
        }
      },
      "EventsAccepted": {
        "type": "object",
        "properties": {
          "accepted": {
            "type": "integer",
            "description": "Events recorded"
          },
          "duplicates": {
            "type": "integer",
            "description": "Events whose idempotency key was already recorded"
          }
        },
        "required": [
          "accepted",
          "duplicates"
        ]
      },
      "HabitsSummary": {
        "type": "object",
        "description": "What is recorded so far and what the catalog holds: tells a fresh install (nothing recorded yet) from a range in which nobody happened to be active.",
        "properties": {
          "hasActivity": {
            "type": "boolean",
            "description": "Whether any activity the metrics count is recorded (the catalog baseline does not count)"
          },
          "firstWeek": {
            "type": [
              "string",
              "null"
            ],
            "description": "First week with such activity (YYYY-MM-DD",
            "a Monday)": null
          },
          "lastWeek": {
            "type": [
              "string",
              "null"
            ],
            "description": "Last week with such activity (YYYY-MM-DD",
            "a Monday)": null
          },
          "capabilities": {
            "type": "integer",
            "description": "Entities annotated platform-product.io/capability \"true\" in the catalog"
          },
          "teams": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Product teams, the denominator of every adoption share: Groups of habitMetrics.teamTypes, less the owners of capabilities unless habitMetrics.includeCapabilityOwners; null when the catalog cannot be read"
          }
        },
        "required": [
          "hasActivity",
          "firstWeek",
          "lastWeek",
          "capabilities",
          "teams"
        ]
      },
      "GoldenPathWeek": {
        "type": "object",
        "properties": {
          "week": {
            "type": "string"
          },
          "newComponents": {
            "type": "integer"
          },
          "viaTemplate": {
            "type": "integer"
          },
          "share": {
            "type": [
              "number",
              "null"
            ]
          },
          "rollingShare": {
            "type": [
              "number",
              "null"
            ]
          }
        }
      },
      "GoldenPathShare": {
        "type": "object",
        "properties": {
          "weeks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathWeek"
            }
          },
          "teams": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "teamRef": {
                  "type": "string"
                },
                "weeks": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/GoldenPathWeek"
                  }
                }
              }
            }
          }
        }
      },
      "Adoption": {
        "type": "object",
        "properties": {
          "capabilityRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "templateRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "totalTeams": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Product teams (Groups of habitMetrics.teamTypes, less the owners of capabilities unless habitMetrics.includeCapabilityOwners), the denominator of the share; null when the catalog cannot be read. Only their activity is counted."
          },
          "weeks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "week": {
                  "type": "string"
                },
                "activeTeams": {
                  "type": "integer"
                },
                "cumulativeAdopters": {
                  "type": "integer"
                },
                "share": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          },
          "figures": {
            "$ref": "#/components/schemas/AdoptionFigures"
          }
        }
      },
      "AdoptionFigures": {
        "type": "object",
        "description": "The shared figures as of the last week of the range (see adoption() in habit-metrics-common): adopters N of the product teams M, teams active in the 4 weeks ending with that week, and the trend against 12 weeks before.",
        "properties": {
          "week": {
            "type": "string",
            "description": "The week the figures are as of (YYYY-MM-DD",
            "a Monday)": null
          },
          "productTeams": {
            "type": [
              "integer",
              "null"
            ],
            "description": "M: product teams; null when unknown"
          },
          "adopters": {
            "type": "integer",
            "description": "N: teams that have used it up to and including the week"
          },
          "adopterRefs": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The adopters",
            "sorted": null
          },
          "share": {
            "type": [
              "number",
              "null"
            ],
            "description": "adopters / productTeams to 4 decimals"
          },
          "activeTeams": {
            "type": "integer",
            "description": "Teams active in the 4 weeks ending with the week"
          },
          "before": {
            "type": "object",
            "description": "The same figures 12 weeks earlier",
            "properties": {
              "week": {
                "type": "string"
              },
              "adopters": {
                "type": "integer"
              },
              "activeTeams": {
                "type": "integer"
              }
            }
          },
          "trendThreshold": {
            "type": "integer",
            "description": "max(1, ceil(productTeams / 10)): teams a change must reach"
          },
          "trend": {
            "type": "string",
            "enum": [
              "growing",
              "flat",
              "shrinking"
            ]
          }
        }
      },
      "Retention": {
        "type": "object",
        "properties": {
          "capabilityRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "weeks": {
            "type": "integer"
          },
          "cohorts": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "week": {
                  "type": "string"
                },
                "teams": {
                  "type": "integer"
                },
                "retention": {
                  "type": "array",
                  "items": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                }
              }
            }
          }
        }
      },
      "Stickiness": {
        "type": "object",
        "properties": {
          "capabilityRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "weeks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "week": {
                  "type": "string"
                },
                "weeklyActiveTeams": {
                  "type": "integer"
                },
                "activeTeamsLast4Weeks": {
                  "type": "integer"
                },
                "stickiness": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "Reversions": {
        "type": "object",
        "properties": {
          "minStreakWeeks": {
            "type": "integer"
          },
          "weeks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "week": {
                  "type": "string"
                },
                "count": {
                  "type": "integer"
                }
              }
            }
          },
          "teams": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "teamRef": {
                  "type": "string"
                },
                "week": {
                  "type": "string"
                },
                "streakWeeks": {
                  "type": "integer"
                }
              }
            }
          }
        }
      },
      "TimeToHabit": {
        "type": "object",
        "properties": {
          "habitWeeks": {
            "type": "integer"
          },
          "capabilities": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "capabilityRef": {
                  "type": "string"
                },
                "teams": {
                  "type": "integer"
                },
                "reached": {
                  "type": "integer"
                },
                "medianWeeks": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "TeamHabits": {
        "type": "object",
        "description": "One team's habits over the period (see summariseTeam in habit-metrics-common).",
        "properties": {
          "teamRef": {
            "type": "string"
          }
        }
      },
      "CapabilityHabits": {
        "type": "object",
        "description": "One capability's adoption, retention and reversions (see summariseCapability in habit-metrics-common).",
        "properties": {
          "capabilityRef": {
            "type": "string"
          }
        }
      },
      "CampaignGoal": {
        "description": "The goal each audience team should reach: active with the capability in activeWeeks of the windowWeeks weeks ending with a week (active-weeks), or a rolling 4-week golden-path share of at least share (golden-path-share).",
        "oneOf": [
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "const": "active-weeks"
              },
              "activeWeeks": {
                "type": "integer",
                "minimum": 1,
                "maximum": 26
              },
              "windowWeeks": {
                "type": "integer",
                "minimum": 1,
                "maximum": 26
              }
            },
            "required": [
              "kind",
              "activeWeeks",
              "windowWeeks"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "const": "golden-path-share"
              },
              "share": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1
              }
            },
            "required": [
              "kind",
              "share"
            ],
            "additionalProperties": false
          }
        ]
      },
      "CampaignAudience": {
        "description": "How the audience is chosen: the listed groups, or the product teams that have not used the capability yet (resolved when the campaign is saved, and again on each audience change while it is a draft).",
        "oneOf": [
          {
            "type": "object",
            "properties": {
              "source": {
                "type": "string",
                "const": "groups"
              },
              "groups": {
                "type": "array",
                "minItems": 1,
                "maxItems": 1000,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 255
                }
              }
            },
            "required": [
              "source",
              "groups"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "source": {
                "type": "string",
                "const": "not-adopting"
              }
            },
            "required": [
              "source"
            ],
            "additionalProperties": false
          }
        ]
      },
      "CampaignChampion": {
        "type": "object",
        "properties": {
          "teamRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "userRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          }
        },
        "required": [
          "teamRef",
          "userRef"
        ],
        "additionalProperties": false
      },
      "NewCampaign": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 4000
          },
          "capabilityRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "templates": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "audience": {
            "$ref": "#/components/schemas/CampaignAudience"
          },
          "champions": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/CampaignChampion"
            }
          },
          "targetDate": {
            "type": "string",
            "maxLength": 10,
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
          }
        },
        "required": [
          "title",
          "capabilityRef",
          "goal",
          "audience"
        ],
        "additionalProperties": false
      },
      "CampaignChanges": {
        "type": "object",
        "description": "Changes to a campaign. status moves it along draft → active → completed or cancelled; the audience and champions may only change while it is a draft.",
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 4000
          },
          "templates": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "audience": {
            "$ref": "#/components/schemas/CampaignAudience"
          },
          "champions": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/CampaignChampion"
            }
          },
          "targetDate": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 10,
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
          },
          "status": {
            "type": "string",
            "enum": [
              "draft",
              "active",
              "completed",
              "cancelled"
            ]
          }
        },
        "additionalProperties": false
      },
      "Campaign": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "capabilityRef": {
            "type": "string"
          },
          "templates": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "audience": {
            "$ref": "#/components/schemas/CampaignAudience"
          },
          "targetDate": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "draft",
              "active",
              "completed",
              "cancelled"
            ]
          },
          "createdBy": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "startedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "endedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "teams": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "teamRef": {
                  "type": "string"
                },
                "championRef": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              },
              "required": [
                "teamRef",
                "championRef"
              ]
            }
          }
        },
        "required": [
          "id",
          "title",
          "capabilityRef",
          "goal",
          "audience",
          "status",
          "teams"
        ]
      },
      "CampaignList": {
        "type": "object",
        "properties": {
          "campaigns": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Campaign"
            }
          }
        },
        "required": [
          "campaigns"
        ]
      },
      "NewCampaignActivity": {
        "type": "object",
        "description": "An activity. startsAt for training sessions and office hours (required there), capacity for training sessions, steps for learning paths (required there, at least one), link for any.",
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "announcement",
              "training-session",
              "office-hours",
              "learning-path",
              "pairing-offer"
            ]
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 4000
          },
          "startsAt": {
            "type": "string",
            "maxLength": 40
          },
          "capacity": {
            "type": "integer",
            "minimum": 1,
            "maximum": 10000
          },
          "link": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          },
          "steps": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "items": {
              "type": "object",
              "properties": {
                "title": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "link": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 2000
                }
              },
              "required": [
                "title",
                "link"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "kind",
          "title"
        ],
        "additionalProperties": false
      },
      "CampaignActivity": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "campaignId": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "startsAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "capacity": {
            "type": [
              "integer",
              "null"
            ]
          },
          "link": {
            "type": [
              "string",
              "null"
            ]
          },
          "steps": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "title": {
                  "type": "string"
                },
                "link": {
                  "type": "string"
                }
              }
            }
          }
        },
        "required": [
          "id",
          "kind",
          "title"
        ]
      },
      "Participation": {
        "type": "object",
        "description": "Your answer to an activity: status acknowledged (announcement), going or not-going (training session, office hours), interested or not-interested (pairing offer); stepsDone for a learning path (indexes of the steps you have done, from 0).",
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "acknowledged",
              "going",
              "not-going",
              "interested",
              "not-interested"
            ]
          },
          "stepsDone": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "integer",
              "minimum": 0,
              "maximum": 49
            }
          }
        },
        "additionalProperties": false
      },
      "MyParticipation": {
        "type": "object",
        "properties": {
          "activityId": {
            "type": "string"
          },
          "status": {
            "type": [
              "string",
              "null"
            ]
          },
          "stepsDone": {
            "type": "array",
            "items": {
              "type": "integer"
            }
          },
          "attended": {
            "type": "boolean"
          },
          "updatedAt": {
            "type": "string"
          }
        },
        "required": [
          "activityId",
          "status",
          "stepsDone",
          "attended",
          "updatedAt"
        ]
      },
      "CampaignDetail": {
        "type": "object",
        "description": "A campaign with its activities, your own participation (a user caller) and, for callers with habit-metrics.campaigns.manage, who said they are going to each session or office hours.",
        "properties": {
          "campaign": {
            "$ref": "#/components/schemas/Campaign"
          },
          "activities": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignActivity"
            }
          },
          "myParticipation": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MyParticipation"
            }
          },
          "rsvps": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "activityId": {
                  "type": "string"
                },
                "going": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "attended": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "required": [
          "campaign",
          "activities",
          "myParticipation"
        ]
      },
      "CampaignProgress": {
        "type": "object",
        "description": "Team-level progress (see campaignProgress in habit-metrics-common): each audience team's state, the burn-up of teams at the goal per week, people and team rates per activity, and the effect (engaged against not-engaged teams, flagged tooSmallToConclude below minGroupTeams teams per group).",
        "properties": {
          "asOf": {
            "type": "string"
          },
          "startWeek": {
            "type": "string"
          },
          "teams": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "states": {
            "type": "object"
          },
          "burnUp": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "activities": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "effect": {
            "type": "object"
          }
        },
        "required": [
          "asOf",
          "startWeek",
          "teams",
          "states",
          "burnUp",
          "activities",
          "effect"
        ]
      }
    }
  },
  "paths": {
    "/campaigns": {
      "get": {
        "operationId": "ListCampaigns",
        "description": "Every campaign, newest first (habit-metrics.read); status filters them.",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "draft",
                "active",
                "completed",
                "cancelled"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The campaigns",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignList"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "CreateCampaign",
        "description": "Creates a draft campaign and resolves its audience (habit-metrics.campaigns.manage).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewCampaign"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The draft campaign",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/campaigns/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/campaignId"
        }
      ],
      "get": {
        "operationId": "GetCampaign",
        "description": "One campaign with its activities and your own participation (habit-metrics.read).",
        "responses": {
          "200": {
            "description": "The campaign",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignDetail"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "patch": {
        "operationId": "UpdateCampaign",
        "description": "Changes a campaign or moves it along its lifecycle (habit-metrics.campaigns.manage).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CampaignChanges"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The campaign as changed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/campaigns/{id}/activities": {
      "parameters": [
        {
          "$ref": "#/components/parameters/campaignId"
        }
      ],
      "post": {
        "operationId": "AddCampaignActivity",
        "description": "Adds an activity to a draft or active campaign (habit-metrics.campaigns.manage).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewCampaignActivity"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The activity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignActivity"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/campaigns/{id}/activities/{activityId}/participation/me": {
      "parameters": [
        {
          "$ref": "#/components/parameters/campaignId"
        },
        {
          "name": "activityId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string",
            "minLength": 36,
            "maxLength": 36,
            "pattern": "^[0-9a-f-]{36}$"
          }
        }
      ],
      "put": {
        "operationId": "PutMyParticipation",
        "description": "Your own answer to an activity of an active campaign (habit-metrics.campaigns.participate; users only, for themselves). It counts for the teams you are a member of in the catalog.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Participation"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Your participation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MyParticipation"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/campaigns/{id}/progress": {
      "parameters": [
        {
          "$ref": "#/components/parameters/campaignId"
        }
      ],
      "get": {
        "operationId": "GetCampaignProgress",
        "description": "Team states, burn-up, rates per activity and effect of a campaign that has started (habit-metrics.read). Team level only.",
        "responses": {
          "200": {
            "description": "The progress",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignProgress"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/events": {
      "post": {
        "operationId": "PostEvents",
        "description": "Records activity events (habit-metrics.events.write; service callers are trusted). Body at most 1 MB.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EventsBody"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Recorded; replays of recorded idempotency keys are counted as duplicates, not stored",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventsAccepted"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/summary": {
      "get": {
        "operationId": "GetSummary",
        "description": "Whether any activity is recorded yet, its first and last week, and the capabilities and teams in the catalog (habit-metrics.read). The Habits page reads it to say \"no activity recorded yet\" on a fresh install.",
        "responses": {
          "200": {
            "description": "The summary",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/HabitsSummary"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/golden-path": {
      "get": {
        "operationId": "GetGoldenPathShare",
        "description": "Share of new components made through a template, per week, overall and per team (habit-metrics.read).",
        "parameters": [
          {
            "name": "team",
            "in": "query",
            "description": "Only this team: a Group ref (group:default/billing; the kind may be left out), read by the suite's ref rule, so that ../x or a ref of another kind is a 400.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "Golden-path share",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoldenPathShare"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/adoption": {
      "get": {
        "operationId": "GetAdoption",
        "description": "Teams using a capability or template, week by week (habit-metrics.read). Without capability and template: `{ capabilities: Adoption[] }`, one per known capability.",
        "parameters": [
          {
            "$ref": "#/components/parameters/capability"
          },
          {
            "name": "template",
            "in": "query",
            "description": "Entity ref of a Template (template:default/service; the kind may be left out).",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "Adoption",
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/Adoption"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "capabilities": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Adoption"
                          }
                        }
                      }
                    }
                  ]
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/retention": {
      "get": {
        "operationId": "GetRetention",
        "description": "Cohort retention of teams by the week they first used a capability (or anything new) (habit-metrics.read).",
        "parameters": [
          {
            "$ref": "#/components/parameters/capability"
          },
          {
            "name": "weeks",
            "in": "query",
            "description": "Written in decimal digits only (0x10 or 1e1 is a 400). Weeks followed after each cohort's first week, 1 to 26. Default 12.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 26
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Retention",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Retention"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/stickiness": {
      "get": {
        "operationId": "GetStickiness",
        "description": "Weekly active teams over teams active in the last 4 weeks (habit-metrics.read).",
        "parameters": [
          {
            "$ref": "#/components/parameters/capability"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "Stickiness",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Stickiness"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/reversions": {
      "get": {
        "operationId": "GetReversions",
        "description": "Teams that went back to the old way after a streak of new-way weeks (habit-metrics.read).",
        "parameters": [
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "name": "minStreak",
            "in": "query",
            "description": "Written in decimal digits only (0x10 or 1e1 is a 400). Shortest streak of new-way weeks that counts, 1 to 52. Default habitMetrics.reversionStreakWeeks.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 52
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Reversions",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Reversions"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/time-to-habit": {
      "get": {
        "operationId": "GetTimeToHabit",
        "description": "Per capability, how long teams take from first use to a streak of habitWeeks active weeks (habit-metrics.read).",
        "parameters": [
          {
            "name": "habitWeeks",
            "in": "query",
            "description": "Written in decimal digits only (0x10 or 1e1 is a 400). Streak length that makes a habit, 1 to 52. Default habitMetrics.habitWeeks.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 52
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Time to habit",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimeToHabit"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/teams/{namespace}/{name}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/namespace"
        },
        {
          "$ref": "#/components/parameters/name"
        }
      ],
      "get": {
        "operationId": "GetTeamHabits",
        "description": "One team's habits (habit-metrics.read); 404 when the group is neither in the catalog nor in the data.",
        "parameters": [
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "The team's habits",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TeamHabits"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/capabilities/{kind}/{namespace}/{name}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/kind"
        },
        {
          "$ref": "#/components/parameters/namespace"
        },
        {
          "$ref": "#/components/parameters/name"
        }
      ],
      "get": {
        "operationId": "GetCapabilityHabits",
        "description": "One capability's adoption, retention and reversions (habit-metrics.read); 404 when it is neither a capability in the catalog (looked up there when the cached index does not know it yet) nor named by any recorded activity.",
        "parameters": [
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "The capability's habits",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CapabilityHabits"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  }
} as const;

export type ModelError = {
  error?: {
    name: string;
    message: string;
  };
  response?: {
    statusCode?: number;
  };
};

/** One activity. Give teamRef (a Group) or userRef (resolved to the user's teams, then dropped). A user caller may only send events for themselves and their own teams; a service caller needs habit-metrics.events.write like anyone (a plugin's own token has it; an external-access token only if its access restrictions allow it). */
export type HabitEvent = {
  /** Where it comes from: analytics, ci, a plugin id… */
  source: string;
  /** What happened, e.g. template-run, capability-view, mvp-launch */
  kind: string;
  way: "new" | "old";
  /** Any kind, e.g. system:default/ci */
  capabilityRef?: string;
  /** A Template */
  templateRef?: string;
  /** A Group */
  teamRef?: string;
  /** A User */
  userRef?: string;
  /** ISO date-time with Z or an offset; default the time of receipt */
  at?: string;
  /** Events with a key already recorded are ignored */
  idempotencyKey?: string;
};

/** One HabitEvent, or `{ "events": [HabitEvent, …] }` with at most 500 events. Checked as a whole against HabitEvent (habit-metrics-common validateHabitEventBatch: the suite's text and ref rules, lengths, unknown fields): when any event is invalid the answer is 400 listing every problem with the event it is in, and nothing is stored. */
export type EventsBody = {
  events?: Array<object>;
};

export type EventsAccepted = {
  /** Events recorded */
  accepted: number;
  /** Events whose idempotency key was already recorded */
  duplicates: number;
};

/** What is recorded so far and what the catalog holds: tells a fresh install (nothing recorded yet) from a range in which nobody happened to be active. */
export type HabitsSummary = {
  /** Whether any activity the metrics count is recorded (the catalog baseline does not count) */
  hasActivity: boolean;
  /** First week with such activity (YYYY-MM-DD */
  firstWeek: string | null;
  /** Last week with such activity (YYYY-MM-DD */
  lastWeek: string | null;
  /** Entities annotated platform-product.io/capability "true" in the catalog */
  capabilities: number;
  /** Product teams, the denominator of every adoption share: Groups of habitMetrics.teamTypes, less the owners of capabilities unless habitMetrics.includeCapabilityOwners; null when the catalog cannot be read */
  teams: number | null;
};

export type GoldenPathWeek = {
  week?: string;
  newComponents?: number;
  viaTemplate?: number;
  share?: number | null;
  rollingShare?: number | null;
};

export type GoldenPathShare = {
  weeks?: Array<GoldenPathWeek>;
  teams?: Array<{
    teamRef?: string;
    weeks?: Array<GoldenPathWeek>;
  }>;
};

export type Adoption = {
  capabilityRef?: string | null;
  templateRef?: string | null;
  /** Product teams (Groups of habitMetrics.teamTypes, less the owners of capabilities unless habitMetrics.includeCapabilityOwners), the denominator of the share; null when the catalog cannot be read. Only their activity is counted. */
  totalTeams?: number | null;
  weeks?: Array<{
    week?: string;
    activeTeams?: number;
    cumulativeAdopters?: number;
    share?: number | null;
  }>;
  figures?: AdoptionFigures;
};

/** The shared figures as of the last week of the range (see adoption() in habit-metrics-common): adopters N of the product teams M, teams active in the 4 weeks ending with that week, and the trend against 12 weeks before. */
export type AdoptionFigures = {
  /** The week the figures are as of (YYYY-MM-DD */
  week?: string;
  /** M: product teams; null when unknown */
  productTeams?: number | null;
  /** N: teams that have used it up to and including the week */
  adopters?: number;
  /** The adopters */
  adopterRefs?: Array<string>;
  /** adopters / productTeams to 4 decimals */
  share?: number | null;
  /** Teams active in the 4 weeks ending with the week */
  activeTeams?: number;
  /** The same figures 12 weeks earlier */
  before?: {
    week?: string;
    adopters?: number;
    activeTeams?: number;
  };
  /** max(1, ceil(productTeams / 10)): teams a change must reach */
  trendThreshold?: number;
  trend?: "growing" | "flat" | "shrinking";
};

export type Retention = {
  capabilityRef?: string | null;
  weeks?: number;
  cohorts?: Array<{
    week?: string;
    teams?: number;
    retention?: Array<number | null>;
  }>;
};

export type Stickiness = {
  capabilityRef?: string | null;
  weeks?: Array<{
    week?: string;
    weeklyActiveTeams?: number;
    activeTeamsLast4Weeks?: number;
    stickiness?: number | null;
  }>;
};

export type Reversions = {
  minStreakWeeks?: number;
  weeks?: Array<{
    week?: string;
    count?: number;
  }>;
  teams?: Array<{
    teamRef?: string;
    week?: string;
    streakWeeks?: number;
  }>;
};

export type TimeToHabit = {
  habitWeeks?: number;
  capabilities?: Array<{
    capabilityRef?: string;
    teams?: number;
    reached?: number;
    medianWeeks?: number | null;
  }>;
};

/** One team's habits over the period (see summariseTeam in habit-metrics-common). */
export type TeamHabits = {
  teamRef?: string;
};

/** One capability's adoption, retention and reversions (see summariseCapability in habit-metrics-common). */
export type CapabilityHabits = {
  capabilityRef?: string;
};

/** The goal each audience team should reach: active with the capability in activeWeeks of the windowWeeks weeks ending with a week (active-weeks), or a rolling 4-week golden-path share of at least share (golden-path-share). */
export type CampaignGoal = {
  kind: "active-weeks";
  activeWeeks: number;
  windowWeeks: number;
} | {
  kind: "golden-path-share";
  share: number;
};

/** How the audience is chosen: the listed groups, or the product teams that have not used the capability yet (resolved when the campaign is saved, and again on each audience change while it is a draft). */
export type CampaignAudience = {
  source: "groups";
  groups: Array<string>;
} | {
  source: "not-adopting";
};

export type CampaignChampion = {
  teamRef: string;
  userRef: string;
};

export type NewCampaign = {
  title: string;
  description?: string;
  capabilityRef: string;
  templates?: Array<string>;
  goal: CampaignGoal;
  audience: CampaignAudience;
  champions?: Array<CampaignChampion>;
  targetDate?: string;
};

/** Changes to a campaign. status moves it along draft → active → completed or cancelled; the audience and champions may only change while it is a draft. */
export type CampaignChanges = {
  title?: string;
  description?: string;
  templates?: Array<string>;
  goal?: CampaignGoal;
  audience?: CampaignAudience;
  champions?: Array<CampaignChampion>;
  targetDate?: string | null;
  status?: "draft" | "active" | "completed" | "cancelled";
};

export type Campaign = {
  id: string;
  title: string;
  description?: string;
  capabilityRef: string;
  templates?: Array<string>;
  goal: CampaignGoal;
  audience: CampaignAudience;
  targetDate?: string | null;
  status: "draft" | "active" | "completed" | "cancelled";
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
  startedAt?: string | null;
  endedAt?: string | null;
  teams: Array<{
    teamRef: string;
    championRef: string | null;
  }>;
};

export type CampaignList = {
  campaigns: Array<Campaign>;
};

/** An activity. startsAt for training sessions and office hours (required there), capacity for training sessions, steps for learning paths (required there, at least one), link for any. */
export type NewCampaignActivity = {
  kind: "announcement" | "training-session" | "office-hours" | "learning-path" | "pairing-offer";
  title: string;
  description?: string;
  startsAt?: string;
  capacity?: number;
  link?: string;
  steps?: Array<{
    title: string;
    link: string;
  }>;
};

export type CampaignActivity = {
  id: string;
  campaignId?: string;
  kind: string;
  title: string;
  description?: string;
  startsAt?: string | null;
  capacity?: number | null;
  link?: string | null;
  steps?: Array<{
    title?: string;
    link?: string;
  }>;
};

/** Your answer to an activity: status acknowledged (announcement), going or not-going (training session, office hours), interested or not-interested (pairing offer); stepsDone for a learning path (indexes of the steps you have done, from 0). */
export type Participation = {
  status?: "acknowledged" | "going" | "not-going" | "interested" | "not-interested";
  stepsDone?: Array<number>;
};

export type MyParticipation = {
  activityId: string;
  status: string | null;
  stepsDone: Array<number>;
  attended: boolean;
  updatedAt: string;
};

/** A campaign with its activities, your own participation (a user caller) and, for callers with habit-metrics.campaigns.manage, who said they are going to each session or office hours. */
export type CampaignDetail = {
  campaign: Campaign;
  activities: Array<CampaignActivity>;
  myParticipation: Array<MyParticipation>;
  rsvps?: Array<{
    activityId?: string;
    going?: Array<string>;
    attended?: Array<string>;
  }>;
};

/** Team-level progress (see campaignProgress in habit-metrics-common): each audience team's state, the burn-up of teams at the goal per week, people and team rates per activity, and the effect (engaged against not-engaged teams, flagged tooSmallToConclude below minGroupTeams teams per group). */
export type CampaignProgress = {
  asOf: string;
  startWeek: string;
  teams: Array<object>;
  states: object;
  burnUp: Array<object>;
  activities: Array<object>;
  effect: object;
};

/** Every campaign, newest first (habit-metrics.read); status filters them. */
export type ListCampaigns = {
  query: {
    status?: "draft" | "active" | "completed" | "cancelled";
  };
  response: CampaignList;
};

/** Creates a draft campaign and resolves its audience (habit-metrics.campaigns.manage). */
export type CreateCampaign = {
  body: NewCampaign;
  response: Campaign;
};

/** One campaign with its activities and your own participation (habit-metrics.read). */
export type GetCampaign = {
  path: {
    /** A campaign id (a UUID). */
    id: string;
  };
  response: CampaignDetail;
};

/** Changes a campaign or moves it along its lifecycle (habit-metrics.campaigns.manage). */
export type UpdateCampaign = {
  path: {
    /** A campaign id (a UUID). */
    id: string;
  };
  body: CampaignChanges;
  response: Campaign;
};

/** Adds an activity to a draft or active campaign (habit-metrics.campaigns.manage). */
export type AddCampaignActivity = {
  path: {
    /** A campaign id (a UUID). */
    id: string;
  };
  body: NewCampaignActivity;
  response: CampaignActivity;
};

/** Your own answer to an activity of an active campaign (habit-metrics.campaigns.participate; users only, for themselves). It counts for the teams you are a member of in the catalog. */
export type PutMyParticipation = {
  path: {
    /** A campaign id (a UUID). */
    id: string;
    activityId: string;
  };
  body: Participation;
  response: MyParticipation;
};

/** Team states, burn-up, rates per activity and effect of a campaign that has started (habit-metrics.read). Team level only. */
export type GetCampaignProgress = {
  path: {
    /** A campaign id (a UUID). */
    id: string;
  };
  response: CampaignProgress;
};

/** Records activity events (habit-metrics.events.write; service callers are trusted). Body at most 1 MB. */
export type PostEvents = {
  body: EventsBody;
  response: EventsAccepted;
};

/** Whether any activity is recorded yet, its first and last week, and the capabilities and teams in the catalog (habit-metrics.read). The Habits page reads it to say "no activity recorded yet" on a fresh install. */
export type GetSummary = {
  response: HabitsSummary;
};

/** Share of new components made through a template, per week, overall and per team (habit-metrics.read). */
export type GetGoldenPathShare = {
  query: {
    /** Only this team: a Group ref (group:default/billing; the kind may be left out), read by the suite's ref rule, so that ../x or a ref of another kind is a 400. */
    team?: string;
    /** First week (a date, snapped to its Monday). Default 25 weeks before `to`. */
    from?: string;
    /** Last week (a date, snapped to its Monday). Default the current week. */
    to?: string;
  };
  response: GoldenPathShare;
};

/** Teams using a capability or template, week by week (habit-metrics.read). Without capability and template: `{ capabilities: Adoption[] }`, one per known capability. */
export type GetAdoption = {
  query: {
    /** Entity ref of a platform capability, e.g. system:default/service-golden-path: any kind, written with it, and a namespace and name the catalog accepts. */
    capability?: string;
    /** Entity ref of a Template (template:default/service; the kind may be left out). */
    template?: string;
    /** First week (a date, snapped to its Monday). Default 25 weeks before `to`. */
    from?: string;
    /** Last week (a date, snapped to its Monday). Default the current week. */
    to?: string;
  };
  response: Adoption | {
    capabilities?: Array<Adoption>;
  };
};

/** Cohort retention of teams by the week they first used a capability (or anything new) (habit-metrics.read). */
export type GetRetention = {
  query: {
    /** Entity ref of a platform capability, e.g. system:default/service-golden-path: any kind, written with it, and a namespace and name the catalog accepts. */
    capability?: string;
    /** Written in decimal digits only (0x10 or 1e1 is a 400). Weeks followed after each cohort's first week, 1 to 26. Default 12. */
    weeks?: number;
  };
  response: Retention;
};

/** Weekly active teams over teams active in the last 4 weeks (habit-metrics.read). */
export type GetStickiness = {
  query: {
    /** Entity ref of a platform capability, e.g. system:default/service-golden-path: any kind, written with it, and a namespace and name the catalog accepts. */
    capability?: string;
    /** First week (a date, snapped to its Monday). Default 25 weeks before `to`. */
    from?: string;
    /** Last week (a date, snapped to its Monday). Default the current week. */
    to?: string;
  };
  response: Stickiness;
};

/** Teams that went back to the old way after a streak of new-way weeks (habit-metrics.read). */
export type GetReversions = {
  query: {
    /** First week (a date, snapped to its Monday). Default 25 weeks before `to`. */
    from?: string;
    /** Last week (a date, snapped to its Monday). Default the current week. */
    to?: string;
    /** Written in decimal digits only (0x10 or 1e1 is a 400). Shortest streak of new-way weeks that counts, 1 to 52. Default habitMetrics.reversionStreakWeeks. */
    minStreak?: number;
  };
  response: Reversions;
};

/** Per capability, how long teams take from first use to a streak of habitWeeks active weeks (habit-metrics.read). */
export type GetTimeToHabit = {
  query: {
    /** Written in decimal digits only (0x10 or 1e1 is a 400). Streak length that makes a habit, 1 to 52. Default habitMetrics.habitWeeks. */
    habitWeeks?: number;
  };
  response: TimeToHabit;
};

/** One team's habits (habit-metrics.read); 404 when the group is neither in the catalog nor in the data. */
export type GetTeamHabits = {
  path: {
    /** An entity namespace as the catalog accepts it (letters, digits and "-", at most 63). The path segments are read together as one entity ref by the suite's ref rule, whose 400 says what is wrong with it. */
    namespace: string;
    /** An entity name as the catalog accepts it (letters, digits, "-", "_" and ".", at most 63). */
    name: string;
  };
  query: {
    /** First week (a date, snapped to its Monday). Default 25 weeks before `to`. */
    from?: string;
    /** Last week (a date, snapped to its Monday). Default the current week. */
    to?: string;
  };
  response: TeamHabits;
};

/** One capability's adoption, retention and reversions (habit-metrics.read); 404 when it is neither a capability in the catalog (looked up there when the cached index does not know it yet) nor named by any recorded activity. */
export type GetCapabilityHabits = {
  path: {
    /** An entity kind (letters and digits, starting with a letter), e.g. system. */
    kind: string;
    /** An entity namespace as the catalog accepts it (letters, digits and "-", at most 63). The path segments are read together as one entity ref by the suite's ref rule, whose 400 says what is wrong with it. */
    namespace: string;
    /** An entity name as the catalog accepts it (letters, digits, "-", "_" and ".", at most 63). */
    name: string;
  };
  query: {
    /** First week (a date, snapped to its Monday). Default 25 weeks before `to`. */
    from?: string;
    /** Last week (a date, snapped to its Monday). Default the current week. */
    to?: string;
  };
  response: CapabilityHabits;
};

/** Every operation of the spec, keyed as `createValidatedOpenApiRouterFromGeneratedEndpointMap` expects. */
export type EndpointMap = {
  '#get|/campaigns': ListCampaigns;
  '#post|/campaigns': CreateCampaign;
  '#get|/campaigns/{id}': GetCampaign;
  '#patch|/campaigns/{id}': UpdateCampaign;
  '#post|/campaigns/{id}/activities': AddCampaignActivity;
  '#put|/campaigns/{id}/activities/{activityId}/participation/me': PutMyParticipation;
  '#get|/campaigns/{id}/progress': GetCampaignProgress;
  '#post|/events': PostEvents;
  '#get|/summary': GetSummary;
  '#get|/golden-path': GetGoldenPathShare;
  '#get|/adoption': GetAdoption;
  '#get|/retention': GetRetention;
  '#get|/stickiness': GetStickiness;
  '#get|/reversions': GetReversions;
  '#get|/time-to-habit': GetTimeToHabit;
  '#get|/teams/{namespace}/{name}': GetTeamHabits;
  '#get|/capabilities/{kind}/{namespace}/{name}': GetCapabilityHabits;
};
