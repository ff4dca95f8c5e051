CLAIMCHECK_SEARCH.add("t:du",{"due":[19,28]});
