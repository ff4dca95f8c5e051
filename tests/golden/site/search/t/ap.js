CLAIMCHECK_SEARCH.add("t:ap",{"appropri":[8,54]});
